namespace Vigil.Storage;

/// <summary>Opens Vigil's database.</summary>
public static class VigilStore
{
    /// <summary>Opens (creating if needed) and migrates the database <paramref name="options"/> names.</summary>
    /// <exception cref="StoreException">The database cannot be opened or migrated; the message says which and why.</exception>
    public static Task<IVigilStore> OpenAsync(StoreOptions options, TimeProvider time, CancellationToken cancellationToken)
        => throw new NotImplementedException("storage helper implements");
}
