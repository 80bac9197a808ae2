using System.Security.Cryptography;
using Vigil.Cli.Demo.Generation;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion;

namespace Vigil.Cli.Tests.Demo;

public sealed class GeneratorTests
{
    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => System.Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static List<LogEvent> ReadAll(GeneratedLogs logs, ProblemLog problems) =>
        [.. logs.Files.SelectMany(f => LogFiles.Read(f, problems))];

    [Fact]
    public void The_same_seed_writes_byte_identical_files()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        ClinicGenerator.Generate(7, 10, a.Path);
        ClinicGenerator.Generate(7, 10, b.Path);
        var first = Hashes(a.Path);
        Assert.True(first.Count > 10);
        Assert.Equal(first, Hashes(b.Path));
    }

    [Fact]
    public void Different_seeds_put_the_attack_on_different_weekdays_between_day_60_and_80()
    {
        var days = Enumerable.Range(1, 6).Select(seed => new World(seed, 100).Attack.Day).ToList();
        Assert.True(days.Distinct().Count() >= 3, string.Join(", ", days));
        Assert.NotEqual(new World(1, 100).Attack.Day, new World(2, 100).Attack.Day);
        Assert.All(days, d => Assert.InRange(d, World.Start.AddDays(60), World.Start.AddDays(80)));
        Assert.All(days, d => Assert.False(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    [Fact]
    public void Every_file_parses_with_its_source_type_and_no_problems()
    {
        using var folder = new TempFolder();
        var (_, logs) = ClinicGenerator.Generate(3, 10, folder.Path);
        var problems = new ProblemLog();
        var events = ReadAll(logs, problems);
        Assert.Equal(0, problems.Total);
        Assert.Equal(logs.Records, events.Count);
        Assert.All(events, e => Assert.NotNull(e.Timestamp));
        static string Expected(string path) => path.Replace('\\', '/') switch
        {
            var p when p.Contains("/entra/", StringComparison.Ordinal) => "entra.signin",
            var p when p.Contains("/m365/", StringComparison.Ordinal) => "m365.audit",
            var p when p.Contains("/iis/", StringComparison.Ordinal) => "iis",
            var p when p.Contains("/tracking/", StringComparison.Ordinal) => "exchange.tracking",
            _ => "windows",
        };

        foreach (var group in events.GroupBy(static e => e.Source))
        {
            Assert.All(group, e => Assert.Equal(Expected(e.Source), e.SourceType));
        }

        Assert.Equal(5, events.Select(static e => e.SourceType).Distinct().Count());
        Assert.All(events.Where(static e => e.SourceType == "windows"), e => Assert.Equal("MSExchange Management", e.Get("Channel")));
    }

    [Fact]
    public void Ground_truth_marks_exactly_the_attack_records()
    {
        using var folder = new TempFolder();
        var (world, logs) = ClinicGenerator.Generate(5, 10, folder.Path);
        var events = ReadAll(logs, new ProblemLog());
        var byStage = events.ToLookup(e => logs.StageOf(e.Source, e.Record));
        Assert.Equal(AttackStages.All.Count, byStage.Count(static g => g.Key != AttackStage.Benign));
        Assert.Equal(logs.Truth.Count, events.Count(e => logs.StageOf(e.Source, e.Record) != AttackStage.Benign));

        var plan = world.Attack;
        var victim = world.Clinic.Staff[plan.Victims[0]].Upn;
        Assert.All(byStage[AttackStage.PasswordSpray], e => Assert.Equal(plan.SprayIp.Ip, e.Get("ipAddress")));
        Assert.Contains(byStage[AttackStage.PasswordSpray], e => e.Get("status.errorCode") == "0");
        Assert.All(byStage[AttackStage.ExchangeExploitation], e => Assert.Contains("autodiscover.json?@", e.Get("c-uri"), StringComparison.Ordinal));
        Assert.Contains(byStage[AttackStage.ExchangeExploitation], e => e.Get("c-uri")!.Contains("/mapi/nspi/", StringComparison.Ordinal));
        Assert.Contains(byStage[AttackStage.ExchangeExploitation], e => e.Get("c-uri")!.Contains("/powershell/", StringComparison.Ordinal));
        Assert.All(byStage[AttackStage.WebShell], e => Assert.StartsWith("/aspnet_client/", e.Get("cs-uri-stem"), StringComparison.Ordinal));
        Assert.Contains(byStage[AttackStage.MailboxExport], e => e.Get("Data") == "New-MailboxExportRequest");
        Assert.Contains(byStage[AttackStage.MailboxExport], e => e.Get("Data") == "New-ManagementRoleAssignment");
        Assert.All(byStage[AttackStage.ForwardingRules], e => Assert.Equal("New-InboxRule", e.Get("Operation")));
        Assert.Equal(plan.Victims.Count, byStage[AttackStage.ForwardingRules].Count(e => e.Get("Parameters")!.Contains(plan.CollectAddress, StringComparison.Ordinal)));
        Assert.True(byStage[AttackStage.BulkMailAccess].Count() >= 150 * plan.Victims.Count);
        Assert.All(byStage[AttackStage.BulkMailAccess], e => Assert.Equal("MailItemsAccessed", e.Get("Operation")));
        Assert.Equal(plan.TravelIp.Ip, Assert.Single(byStage[AttackStage.ImpossibleTravel]).Get("ipAddress"));
        Assert.All(byStage[AttackStage.Phishing], e => Assert.Equal(victim, e.Get("sender-address")));
        Assert.True(byStage[AttackStage.Phishing].Select(static e => e.Get("recipient-address")).Distinct().Count() >= 150);

        // The attacker's addresses appear only in attack records.
        string[] attacker = [plan.SprayIp.Ip, plan.ExploitIp.Ip, plan.TravelIp.Ip];
        Assert.DoesNotContain(byStage[AttackStage.Benign], e => e.Fields().Any(f => f.Value is { } v && attacker.Any(ip => v.Contains(ip, StringComparison.Ordinal))));
    }

    [Fact]
    public void Stages_happen_in_the_order_of_the_story_on_the_attack_day()
    {
        var plan = new World(11, 100).Attack;
        DateTime[] times = [plan.SprayStart, plan.ExploitStart, plan.ExportStart, plan.WebShellStart, plan.ForwardingStart, plan.BulkAccessStart, plan.TravelStart, plan.PhishingStart];
        Assert.Equal(times.Order(), times);
        Assert.All(times, t => Assert.Equal(plan.Day, t.Date));
    }

    [Fact]
    public void Patients_are_obviously_fake_and_staff_use_the_fictional_domain()
    {
        var world = new World(1, 10);
        Assert.Equal(40, world.Clinic.Staff.Count);
        Assert.All(world.Clinic.Staff, s => Assert.EndsWith("@" + Clinic.Domain, s.Upn, StringComparison.Ordinal));
        Assert.All(world.Clinic.Patients, p => Assert.Matches(@"^patient\.\d{4}@example\.(net|org|com)$", p));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(12)]
    public void Even_a_short_period_puts_the_attack_on_a_weekday_inside_it(int days)
    {
        for (var seed = 1; seed <= 5; seed++)
        {
            var day = new World(seed, days).Attack.Day;
            Assert.False(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"seed {seed}: {day:yyyy-MM-dd}");
            Assert.InRange(day, World.Start, World.Start.AddDays(days - 1));
        }
    }

    [Fact]
    public void The_merge_is_in_event_time_order_and_carries_each_record_line()
    {
        using var folder = new TempFolder();
        var (_, logs) = ClinicGenerator.Generate(2, 7, folder.Path);
        var problems = new ProblemLog();
        var merged = Vigil.Cli.Demo.Replay.EventMerge.Read(logs.Files, logs.FirstTimes, problems).ToList();
        Assert.Equal(0, problems.Total);
        Assert.Equal(logs.Records, merged.Count);
        for (var i = 1; i < merged.Count; i++)
        {
            Assert.True(merged[i - 1].Event.Timestamp <= merged[i].Event.Timestamp, $"out of order at {i}");
        }

        var lines = logs.Files.ToDictionary(f => f, File.ReadAllLines);
        Assert.All(merged, m => Assert.Equal(lines[m.Event.Source][m.Event.Record - 1], m.Raw));
    }
}
