using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Detection.Engine;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Monitoring;
using Vigil.Storage.Events;
using Vigil.Web.Auth;
using Vigil.Web.Rules;
using Vigil.Web.Tests.Access;

namespace Vigil.Web.Tests.Rules;

/// <summary>The web app (<see cref="AccessHost"/>) with a rules pack of two good rules and one broken file, and an analyst's token.</summary>
internal sealed class RulesHost : IAsyncDisposable
{
    public const string MarkerId = "11111111-1111-4111-8111-111111111111";
    public const string QuietId = "22222222-2222-4222-8222-222222222222";

    private readonly string _pack;

    private RulesHost(AccessHost host, string pack, HttpClient analyst)
    {
        Host = host;
        _pack = pack;
        Analyst = analyst;
    }

    public AccessHost Host { get; }

    /// <summary>A client with an <c>analyse</c> token.</summary>
    public HttpClient Analyst { get; }

    public RuleCatalog Catalog => Host.Services.GetRequiredService<RuleCatalog>();

    public MonitoringService Monitoring => Host.Services.GetRequiredService<MonitoringService>();

    public static async Task<RulesHost> StartAsync()
    {
        var pack = Path.Combine(Path.GetTempPath(), "vigil-rules-tests", Guid.NewGuid().ToString("N"), "practice-rules");
        Directory.CreateDirectory(pack);
        await File.WriteAllTextAsync(Path.Combine(pack, "marker.yml"), Rule(MarkerId, "Test marker rule", "RULES-MARKER", "high", "test"));
        await File.WriteAllTextAsync(Path.Combine(pack, "quiet.yml"), Rule(QuietId, "Quiet login rule", "quiet-login", "low", "stable"));
        await File.WriteAllTextAsync(Path.Combine(pack, "broken.yml"), Rule("33333333-3333-4333-8333-333333333333", "Broken", "x", "low", "test").Replace("condition: selection", "condition: selection and", StringComparison.Ordinal));
        var host = await AccessHost.StartAsync(services: s => s.AddSingleton(sp => RuleCatalog.Load(
            [pack], null, new EngineOptions(), sp.GetRequiredService<MonitoringService>().Rules, new ProblemLog(static _ => { })).Catalog));
        await host.Services.GetRequiredService<RuleCatalog>().InitializeAsync(host.Store, CancellationToken.None);
        var (_, secret) = await host.Store.Tokens.CreateAsync("analyst", [Scopes.Analyse], host.Time.GetUtcNow(), CancellationToken.None);
        var analyst = host.Client();
        analyst.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return new RulesHost(host, pack, analyst);
    }

    /// <summary>A Sigma rule matching <c>action: {action}</c> on any log.</summary>
    public static string Rule(string id, string title, string action, string level, string status) => $"""
        title: {title}
        id: {id}
        status: {status}
        description: Fires on {action}.
        author: Vigil tests
        tags:
          - attack.credential_access
          - attack.t1110.003
        logsource:
          product: vigil-tests
        detection:
          selection:
            action: {action}
          condition: selection
        level: {level}
        """;

    /// <summary>Stores events with the given <c>action</c> values, one minute apart, ending an hour before now.</summary>
    public async Task IngestAsync(params string[] actions)
    {
        var now = Host.Time.GetUtcNow();
        var records = actions.Select((action, i) =>
        {
            var e = new LogEvent(2) { Timestamp = now.AddHours(-1).AddMinutes(i), SourceType = "vigil-tests", Source = "test" };
            e.Add("action", action);
            e.Add("user", $"user{i}");
            return new EventRecord(e, $"action={action}", now);
        }).ToList();
        await Host.Store.Events.AppendAsync(records, null, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Analyst.Dispose();
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(Path.GetDirectoryName(_pack)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
