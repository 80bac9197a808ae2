namespace Vigil.Web.Tests.Discovery;

/// <summary>One app, its signed-in users and one finished scan, shared by a test class (sign-in hashing is deliberately slow).</summary>
public sealed class DiscoveryFixture : IAsyncLifetime
{
    internal DiscoveryHostScan App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await DiscoveryHostScan.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
