using Vigil.Cli.Demo.Generation;
using Vigil.Cli.Demo.Replay;
using Vigil.Cli.Demo.Report;

namespace Vigil.Cli.Tests.Demo;

public sealed class ReportTests
{
    private static readonly DateTimeOffset T0 = new(2021, 8, 10, 1, 0, 0, TimeSpan.Zero);

    private static ReplayedAlert Alert(string rule, DateTimeOffset firstSeen, params (AttackStage Stage, DateTimeOffset Time)[] stages) =>
        new(rule, rule + " title", "high", firstSeen, 1, stages.ToDictionary(static s => s.Stage, static s => s.Time));

    private static DemoReport Report(int days, IReadOnlyList<ReplayedAlert> alerts, Dictionary<AttackStage, DateTimeOffset> starts) =>
        new(1, days, T0, 100, 0, 5, DemoReport.BuildStages(starts, alerts), [.. alerts.Where(static a => a.IsFalse)], alerts.Count, TimeSpan.Zero, TimeSpan.Zero, null);

    [Fact]
    public void Delay_is_the_first_alert_on_a_stage_minus_the_stage_start_in_event_time()
    {
        var starts = new Dictionary<AttackStage, DateTimeOffset> { [AttackStage.ForwardingRules] = T0, [AttackStage.Phishing] = T0.AddHours(8) };
        var alerts = new[]
        {
            Alert("late", T0.AddSeconds(300), (AttackStage.ForwardingRules, T0.AddSeconds(300))),
            Alert("first", T0.AddSeconds(45), (AttackStage.ForwardingRules, T0.AddSeconds(45))),
        };
        var stages = DemoReport.BuildStages(starts, alerts);
        var forwarding = Assert.Single(stages, static s => s.Stage == AttackStage.ForwardingRules);
        Assert.Equal(TimeSpan.FromSeconds(45), forwarding.Delay);
        Assert.True(forwarding.WithinTarget);
        Assert.Equal(["first", "late"], forwarding.Rules.Select(static r => r.Id));
        var phishing = Assert.Single(stages, static s => s.Stage == AttackStage.Phishing);
        Assert.Null(phishing.Alerted);
        Assert.Null(phishing.Delay);
        Assert.False(phishing.WithinTarget);
        // Stages that happened come first, in time order; those the run did not include come last.
        Assert.Equal([AttackStage.ForwardingRules, AttackStage.Phishing], stages.Take(2).Select(static s => s.Stage));
        Assert.Equal(AttackStages.All.Count, stages.Count);
    }

    [Fact]
    public void An_alert_grouped_before_the_stage_counts_from_the_stage_event_it_cites()
    {
        // An alert that began on a benign event and later took in the stage's event: alerted at that event, not before.
        var starts = new Dictionary<AttackStage, DateTimeOffset> { [AttackStage.BulkMailAccess] = T0 };
        var alert = Alert("bulk", T0.AddMinutes(-30), (AttackStage.BulkMailAccess, T0.AddSeconds(90)));
        var stage = Assert.Single(DemoReport.BuildStages(starts, [alert]), static s => s.Stage == AttackStage.BulkMailAccess);
        Assert.Equal(TimeSpan.FromSeconds(90), stage.Delay);
        Assert.False(stage.WithinTarget);
    }

    [Theory]
    [InlineData(2, 20, 3.0)]
    [InlineData(1, 100, 0.3)]
    [InlineData(0, 10, 0.0)]
    [InlineData(5, 30, 5.0)]
    public void False_alerts_are_counted_per_30_days_of_logs(int falseAlerts, int days, double expected)
    {
        var alerts = Enumerable.Range(0, falseAlerts).Select(i => Alert("benign", T0.AddDays(-i))).ToList();
        alerts.Add(Alert("true", T0, (AttackStage.ForwardingRules, T0)));
        var report = Report(days, alerts, new() { [AttackStage.ForwardingRules] = T0 });
        Assert.Equal(falseAlerts, report.FalseAlerts.Count);
        Assert.Equal(expected, report.FalseAlertsPer30Days, precision: 6);
        Assert.Equal(1, report.StagesAlerted);
        Assert.Equal(1, report.StagesWithinTarget);
    }
}
