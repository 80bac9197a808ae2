using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Storage.Discovery;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Discovery;
using Vigil.Web.Tests.Access;

namespace Vigil.Web.Tests.Discovery;

/// <summary>An app with a discovery root holding the planted mailbox, its users signed in, and one finished scan.</summary>
internal sealed class DiscoveryHostScan : IAsyncDisposable
{
    private DiscoveryHostScan(AccessHost host, string root) => (Host, Root) = (host, root);

    public AccessHost Host { get; }

    public string Root { get; }

    public Dictionary<string, HttpClient> Clients { get; } = [];

    public long ScanId { get; private set; }

    public static async Task<DiscoveryHostScan> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "vigil-discovery-tests", Guid.NewGuid().ToString("N"));
        var host = await AccessHost.StartAsync(o => o.Discovery.Roots = [root]);
        var fixture = new DiscoveryHostScan(host, root);
        PlantedMailbox.Write(Path.Combine(root, "exports"));
        foreach (var (name, client) in await host.SignedInClientsAsync(("dpo", Roles.PrivacyOfficer, true), ("vic", Roles.Viewer, false), ("ada", Roles.Admin, true), ("ana", Roles.Analyst, false)))
        {
            fixture.Clients[name] = client;
        }

        var started = await AccessHost.PostFormAsync(fixture.Clients["dpo"], "/discovery", "/discovery?handler=Scan", ("path", "exports/export.mbox"));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        fixture.ScanId = long.Parse(started.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await fixture.WaitAsync(fixture.ScanId);
        return fixture;
    }

    public async Task<PhiScanRecord> WaitAsync(long scanId)
    {
        if (Host.Services.GetRequiredService<DiscoveryScans>().Progress(scanId) is { } running)
        {
            await running.Done.WaitAsync(TimeSpan.FromSeconds(30));
        }

        var scan = await Host.Store.PhiScans.GetAsync(scanId, CancellationToken.None);
        Assert.NotNull(scan);
        return scan;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Clients.Values)
        {
            client.Dispose();
        }

        await Host.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
