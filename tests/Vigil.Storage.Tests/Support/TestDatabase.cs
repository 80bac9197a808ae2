using Microsoft.Extensions.Time.Testing;

namespace Vigil.Storage.Tests.Support;

/// <summary>A fresh, empty database for one test: a temporary folder (SQLite) or schema (PostgreSQL).</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>The test clock, passed to the store.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Options that open this database.</summary>
    public abstract StoreOptions Options { get; }

    /// <summary>Options naming a database that cannot be opened, and text the error must name.</summary>
    public abstract (StoreOptions Options, string Names, string NeverShown) Unopenable { get; }

    public abstract Task CreateAsync();

    public Task<IVigilStore> OpenAsync() => VigilStore.OpenAsync(Options, Time, CancellationToken.None);

    /// <summary>Runs SQL on the database outside the store (to look underneath it, or to tamper).</summary>
    public abstract Task<object?> ScalarAsync(string sql);

    public abstract ValueTask DisposeAsync();
}
