using System.Security.Cryptography;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

/// <summary>A fresh database per test, opened with a known master key and a data folder of its own (also for PostgreSQL).</summary>
public abstract class IncidentTestBase : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vigil-incident-tests", Guid.NewGuid().ToString("N"));
    private IVigilStore? _store;

    protected static CancellationToken None => CancellationToken.None;

    protected string Key { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected TestDatabase Database { get; private set; } = null!;

    protected IVigilStore Store => _store ?? throw new InvalidOperationException("not initialised");

    protected string DataDirectory => Database.Options.ConnectionString is null ? Database.Options.DataDirectory : _folder;

    public async Task InitializeAsync()
    {
        Database = NewDatabase();
        await Database.CreateAsync();
        _store = await OpenAsync(Key);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await Database.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Opens the database again with <paramref name="key"/> (null: the key file in the data folder).</summary>
    protected Task<IVigilStore> OpenAsync(string? key)
    {
        var options = Database.Options;
        options.DataDirectory = DataDirectory;
        options.MasterKey = key;
        return VigilStore.OpenAsync(options, Database.Time, None);
    }

    /// <summary>Closes the shared store and opens it again with <paramref name="key"/>.</summary>
    protected async Task ReopenAsync(string? key)
    {
        await Store.DisposeAsync();
        _store = null;
        _store = await OpenAsync(key);
    }

    protected abstract TestDatabase NewDatabase();
}
