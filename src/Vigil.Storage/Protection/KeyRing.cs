using System.Security.Cryptography;
using System.Text;

namespace Vigil.Storage.Protection;

/// <summary>
/// The master key (and, during a rotation, the next one), loaded lazily: from <see cref="StoreOptions.MasterKey"/>,
/// else the <c>VIGIL_MASTER_KEY</c> environment variable, else <c>{DataDirectory}/master.key</c> (created with mode
/// 0600 on first use). The master key is never stored in the database; only its id is.
/// </summary>
internal sealed class KeyRing
{
    public const string EnvironmentVariable = "VIGIL_MASTER_KEY";
    private readonly StoreOptions _options;
    private readonly Lock _gate = new();
    private Dictionary<string, byte[]>? _keys;
    private string? _currentId;

    public KeyRing(StoreOptions options) => _options = options;

    /// <summary>The key file, or null when the key comes from the options or the environment.</summary>
    public string? KeyFile { get; private set; }

    public string KeyFilePath => Path.Combine(Path.GetFullPath(_options.DataDirectory), "master.key");

    public (string Id, byte[] Key) Current
    {
        get
        {
            Load();
            return (_currentId!, _keys![_currentId!]);
        }
    }

    public static string IdOf(ReadOnlySpan<byte> key)
    {
        var prefix = Encoding.ASCII.GetBytes("vigil-master-key-id:");
        var data = new byte[prefix.Length + key.Length];
        prefix.CopyTo(data, 0);
        key.CopyTo(data.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(SHA256.HashData(data))[..16];
    }

    public byte[] Find(string keyId)
    {
        Load();
        if (_keys!.TryGetValue(keyId, out var key))
        {
            return key;
        }

        throw new ProtectionException(
            $"The master key (id {_currentId}) is not the key these data keys were wrapped with (id {keyId}): "
            + $"supply the right key in {EnvironmentVariable} or {KeyFilePath}.");
    }

    /// <summary>Makes <paramref name="key"/> known (before rewrapping) and returns its id.</summary>
    public string Add(byte[] key)
    {
        Load();
        var id = IdOf(key);
        lock (_gate)
        {
            _keys![id] = key;
        }

        return id;
    }

    /// <summary>Makes <paramref name="keyId"/> the current key.</summary>
    public void Promote(string keyId)
    {
        lock (_gate)
        {
            _currentId = keyId;
        }
    }

    private void Load()
    {
        lock (_gate)
        {
            if (_keys is not null)
            {
                return;
            }

            var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            byte[] current;
            if (!string.IsNullOrEmpty(_options.MasterKey))
            {
                current = Parse(_options.MasterKey, "the configured master key");
            }
            else if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
            {
                current = Parse(fromEnvironment, EnvironmentVariable);
            }
            else
            {
                KeyFile = KeyFilePath;
                current = MasterKeyFile.LoadOrCreate(KeyFile);
                if (MasterKeyFile.TryLoad(KeyFile + ".next") is { } next)
                {
                    keys[IdOf(next)] = next;
                }
            }

            _currentId = IdOf(current);
            keys[_currentId] = current;
            _keys = keys;
        }
    }

    private static byte[] Parse(string base64, string where)
    {
        try
        {
            var key = Convert.FromBase64String(base64.Trim());
            return key.Length == 32 ? key : throw new ProtectionException($"{where} must be 32 bytes in base64 (it is {key.Length} bytes).");
        }
        catch (FormatException e)
        {
            throw new ProtectionException($"{where} is not base64.", e);
        }
    }
}
