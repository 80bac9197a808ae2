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

    /// <summary>The key with id <paramref name="keyId"/>; a miss reads the key files again (another process may have rotated).</summary>
    public byte[] Find(string keyId)
    {
        Load();
        var key = Known(keyId);
        if (key is null && Reload())
        {
            key = Known(keyId);
        }

        if (key is not null)
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

    /// <summary>
    /// The key the database records as the one to wrap with (<see cref="MasterKeyVersion"/>), made current here too;
    /// the key files are read again when this process does not know it (another process rotated).
    /// </summary>
    /// <exception cref="ProtectionException">This process does not have that key.</exception>
    public byte[] Resolve(string keyId)
    {
        Load();
        var key = Known(keyId);
        if (key is null && Reload())
        {
            key = Known(keyId);
        }

        if (key is null)
        {
            throw new ProtectionException(
                $"The database's master key is id {keyId}, but this process has id {_currentId} (the key was rotated): "
                + $"supply the new key in {EnvironmentVariable} or {KeyFilePath}, or restart.");
        }

        Promote(keyId);
        return key;
    }

    /// <summary>
    /// After a crash between a rotation's commit and the key file's replacement, the key file holds the old key and
    /// <c>master.key.next</c> the one the database uses: finishes the replacement before the next rotation overwrites it.
    /// </summary>
    public void SettleKeyFile(string databaseKeyId)
    {
        if (KeyFile is { } file && MasterKeyFile.TryLoad(file + ".next") is { } next && IdOf(next) == databaseKeyId
            && (MasterKeyFile.TryLoad(file) is not { } current || IdOf(current) != databaseKeyId))
        {
            File.Move(file + ".next", file, overwrite: true);
        }
    }

    /// <summary>Makes <paramref name="keyId"/> the current key.</summary>
    public void Promote(string keyId)
    {
        lock (_gate)
        {
            _currentId = keyId;
        }
    }

    private byte[]? Known(string keyId)
    {
        lock (_gate)
        {
            return _keys!.TryGetValue(keyId, out var key) ? key : null;
        }
    }

    /// <summary>Reads the key files again (the next key first: a rotation renames it over the key file); false without a key file.</summary>
    private bool Reload()
    {
        if (KeyFile is not { } file)
        {
            return false;
        }

        foreach (var key in new[] { MasterKeyFile.TryLoad(file + ".next"), MasterKeyFile.TryLoad(file) })
        {
            if (key is not null)
            {
                lock (_gate)
                {
                    _keys![IdOf(key)] = key;
                }
            }
        }

        return true;
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
