using Vigil.Detection.Routing;
using Vigil.Detection.Rules;
using Vigil.Detection.Tests.Support;
using Vigil.Diagnostics;
using Vigil.Events;

namespace Vigil.Detection.Tests.Routing;

public sealed class LogsourceRoutingTests
{
    private const string ProcessRule = """
        title: Whoami
        id: 00000000-0000-4000-8000-000000000001
        logsource: {category: process_creation, product: windows}
        detection:
            sel:
                Image|endswith: '\whoami.exe'
            condition: sel
        level: low
        """;

    private static LogsourceMap Vigil() => LogsourceMap.Load(Repository.Config("logsources.yml"), new ProblemLog());

    [Fact]
    public void Process_creation_runs_on_sysmon_1_and_on_security_4688_with_its_field_names()
    {
        var sysmon = Sigma.Event(("Channel", "Microsoft-Windows-Sysmon/Operational"), ("EventID", "1"), ("Image", "C:\\Windows\\System32\\whoami.exe"));
        var security = Sigma.Event(("Channel", "Security"), ("EventID", "4688"), ("NewProcessName", "C:\\Windows\\System32\\whoami.exe"));
        Assert.Single(Sigma.Run(ProcessRule, sysmon, logsources: Vigil()).Detections);
        Assert.Single(Sigma.Run(ProcessRule, security, logsources: Vigil()).Detections);
    }

    [Theory]
    [InlineData("Microsoft-Windows-Sysmon/Operational", "3")]
    [InlineData("Security", "4624")]
    [InlineData("Application", "1")]
    public void A_windows_rule_never_fires_on_another_channel_or_event(string channel, string eventId)
    {
        var e = Sigma.Event(("Channel", channel), ("EventID", eventId), ("Image", "C:\\Windows\\System32\\whoami.exe"));
        Assert.Empty(Sigma.Run(ProcessRule, e, logsources: Vigil()).Detections);
    }

    [Fact]
    public void A_windows_rule_does_not_fire_on_events_that_are_not_windows_events()
    {
        Assert.Empty(Sigma.Run(ProcessRule, Sigma.Event(("Image", "C:\\Windows\\System32\\whoami.exe")), logsources: Vigil()).Detections);
    }

    [Fact]
    public void A_logsource_without_routing_applies_to_events_that_are_not_windows_events()
    {
        var rule = ProcessRule.Replace("{category: process_creation, product: windows}", "{product: acme, service: firewall}", StringComparison.Ordinal);
        Assert.Single(Sigma.Run(rule, Sigma.Event(("Image", "x\\whoami.exe")), logsources: Vigil()).Detections);
        Assert.Single(Sigma.Run(rule, Typed("postfix", ("Image", "x\\whoami.exe")), logsources: Vigil()).Detections);
        Assert.Empty(Sigma.Run(rule, Sigma.Event(("Channel", "Security"), ("EventID", "1"), ("Image", "x\\whoami.exe")), logsources: Vigil()).Detections);
    }

    [Theory]
    [InlineData("m365.audit", true)]
    [InlineData("", true)]
    [InlineData("json", true)]
    [InlineData("iis", false)]
    [InlineData("entra.signin", false)]
    public void A_logsource_routed_to_source_types_sees_only_those_and_unrecognised_events(string sourceType, bool fires)
    {
        var rule = ProcessRule.Replace("{category: process_creation, product: windows}", "{product: m365, service: threat_management}", StringComparison.Ordinal);
        var detections = Sigma.Run(rule, Typed(sourceType, ("Image", "x\\whoami.exe")), logsources: Vigil()).Detections;
        Assert.Equal(fires ? 1 : 0, detections.Count);
    }

    private static LogEvent Typed(string sourceType, params (string Name, string? Value)[] fields)
    {
        var e = Sigma.Event(fields);
        e.SourceType = sourceType;
        return e;
    }

    [Fact]
    public void Routing_conditions_beyond_the_event_id_are_checked()
    {
        var rule = ProcessRule.Replace("{category: process_creation, product: windows}", "{category: registry_add, product: windows}", StringComparison.Ordinal)
            .Replace("Image|endswith: '\\whoami.exe'", "TargetObject|contains: '\\Run'", StringComparison.Ordinal);
        Assert.Single(Sigma.Run(rule, Sigma.Event(("Channel", "Microsoft-Windows-Sysmon/Operational"), ("EventID", "12"), ("EventType", "CreateKey"), ("TargetObject", "HKLM\\x\\Run")), logsources: Vigil()).Detections);
        Assert.Empty(Sigma.Run(rule, Sigma.Event(("Channel", "Microsoft-Windows-Sysmon/Operational"), ("EventID", "12"), ("EventType", "DeleteKey"), ("TargetObject", "HKLM\\x\\Run")), logsources: Vigil()).Detections);
    }

    [Fact]
    public void An_unrouted_rule_needs_one_of_its_fields_so_a_negated_selection_does_not_fire_on_other_sources()
    {
        const string zeek = """
            title: Public RDP
            id: 00000000-0000-4000-8000-000000000003
            logsource: {product: zeek, service: rdp}
            detection:
                selection:
                    id.orig_h|cidr: '10.0.0.0/8'
                condition: not selection
            level: high
            """;
        Assert.Empty(Sigma.Run(zeek, Sigma.Event(("Operation", "MailItemsAccessed"), ("ClientIP", "81.2.3.4")), logsources: Vigil()).Detections);
        Assert.Single(Sigma.Run(zeek, Sigma.Event(("id.orig_h", "81.2.3.4")), logsources: Vigil()).Detections);
        Assert.Empty(Sigma.Run(zeek, Sigma.Event(("id.orig_h", "10.1.2.3")), logsources: Vigil()).Detections);
    }

    /// <summary>Vigil's own routing file says what SigmaHQ's test configuration says, for every logsource it names.</summary>
    [Fact]
    public void Vigil_routing_agrees_with_sigmahq_thor_configuration()
    {
        var problems = new ProblemLog();
        var thorPath = Repository.SharedData("sigma/sigmahq-test-config/thor.yml");
        var thor = LogsourceMap.Load(thorPath, problems);
        var vigil = LogsourceMap.Load(Repository.Config("logsources.yml"), problems);
        Assert.Empty(problems.Problems);
        // The logsources to compare: every category and every Windows service SigmaHQ's active rules use.
        var used = RuleSet.Load([Repository.SharedData("sigma/rules")], new ProblemLog()).Rules
            .Select(static r => r.Info.Logsource)
            .Where(static l => l.Product == "windows")
            .Distinct()
            .ToList();
        var compared = 0;
        foreach (var logsource in used)
        {
            var expected = Canonical(thor.Resolve(logsource));
            if (expected.Contains("generic", StringComparison.Ordinal))
            {
                continue; // thor.yml does not route it (Vigil may: dns-server, driver-framework...)
            }

            Assert.Equal(expected, Canonical(vigil.Resolve(logsource)));
            compared++;
        }

        // Every Sysmon category, Security 4688, PowerShell, Defender and the service channels.
        Assert.True(compared > 40, $"only {compared} logsources compared");
    }

    /// <summary>A route set as one comparable string: every (channel, EventID) pair with its conditions and mappings.</summary>
    private static string Canonical(IReadOnlyList<Route> routes) => string.Join('\n', routes
        .SelectMany(static r => (r.Channels ?? ["generic"]).SelectMany(c => (r.EventIds ?? ["*"]).Select(id =>
            $"{c}|{id}|{string.Join(',', r.Conditions.Select(static k => $"{k.Key}={string.Join('/', k.Value)}").Order(StringComparer.Ordinal))}|{string.Join(',', r.FieldMappings.Select(static m => $"{m.Key}>{m.Value}").Order(StringComparer.Ordinal))}")))
        .Distinct()
        .Order(StringComparer.Ordinal));
}
