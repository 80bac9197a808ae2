using System.Security.Cryptography;

namespace Vigil.Storage.Protection;

/// <summary>The master key file: 32 random bytes in base64, mode 0600, in the data folder.</summary>
internal static class MasterKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static byte[] LoadOrCreate(string path)
    {
        if (TryLoad(path) is { } key)
        {
            return key;
        }

        key = RandomNumberGenerator.GetBytes(32);
        Write(path, key);
        return key;
    }

    public static byte[]? TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return key.Length == 32 ? key : throw new ProtectionException($"The master key file {path} does not hold 32 bytes in base64.");
        }
        catch (FormatException e)
        {
            throw new ProtectionException($"The master key file {path} is not base64.", e);
        }
    }

    public static void Write(string path, byte[] key)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory, OwnerOnly | UnixFileMode.UserExecute);
        }
        else
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
