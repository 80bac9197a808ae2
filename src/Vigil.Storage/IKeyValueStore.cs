namespace Vigil.Storage;

/// <summary>Durable small named values (a few KiB each).</summary>
public interface IKeyValueStore
{
    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Sets (inserts or replaces) the value under <paramref name="key"/>.</summary>
    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
