using Vigil.Detection.Analytics;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion;
using static Vigil.Detection.Tests.Analytics.Sample;

namespace Vigil.Detection.Tests.Analytics;

public sealed class SharedForwardingAnalyticTests
{
    private static LogEvent Audit(string operation, string mailbox, DateTimeOffset time, params (string Name, string Value)[] parameters)
    {
        var fields = new List<(string, string?)> { ("Operation", operation), ("ObjectId", mailbox), ("UserId", "admin@clinic.example") };
        foreach (var (name, value) in parameters)
        {
            fields.Add(("Parameters.Name", name));
            fields.Add(("Parameters.Value", value));
        }

        return Event("m365.audit", time, [.. fields]);
    }

    public static TheoryData<string, Func<IEnumerable<LogEvent>>, string[]> Sequences => new()
    {
        {
            "two mailboxes forwarded to one address",
            () => [Audit("Set-Mailbox", "amy", T0, ("ForwardingSmtpAddress", "smtp:Collect@evil.example")), Audit("New-InboxRule", "bob", T0.AddHours(1), ("ForwardTo", "collect@evil.example"))],
            ["collect@evil.example"]
        },
        {
            "two mailboxes, two addresses",
            () => [Audit("Set-Mailbox", "amy", T0, ("ForwardingSmtpAddress", "a@x.example")), Audit("Set-Mailbox", "bob", T0, ("ForwardingSmtpAddress", "b@x.example"))],
            []
        },
        {
            "one mailbox set twice",
            () => [Audit("Set-Mailbox", "amy", T0, ("ForwardingSmtpAddress", "a@x.example")), Audit("New-InboxRule", "amy", T0.AddMinutes(5), ("RedirectTo", "a@x.example"))],
            []
        },
        {
            "eight days apart",
            () => [Audit("Set-Mailbox", "amy", T0, ("ForwardingSmtpAddress", "a@x.example")), Audit("Set-Mailbox", "bob", T0.AddDays(8), ("ForwardingSmtpAddress", "a@x.example"))],
            []
        },
        {
            "a value under another parameter's name does not count",
            () => [Audit("New-InboxRule", "amy", T0, ("Name", "a@x.example")), Audit("New-InboxRule", "bob", T0, ("Name", "a@x.example"))],
            []
        },
        {
            "three mailboxes, one list with a separator",
            () => [Audit("New-InboxRule", "amy", T0, ("ForwardTo", "a@x.example;b@y.example")), Audit("New-InboxRule", "bob", T0, ("ForwardTo", "b@y.example")), Audit("Set-InboxRule", "cat", T0, ("ForwardAsAttachmentTo", "b@y.example"))],
            ["b@y.example", "b@y.example"]
        },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Fires_per_destination_shared_by_several_mailboxes(string name, Func<IEnumerable<LogEvent>> events, string[] expected)
    {
        var found = Run(new SharedForwardingAnalytic(), events());
        Assert.True(expected.SequenceEqual(found.Select(static m => m.GroupBy["destination"]!)), $"{name}: {string.Join(", ", found.Select(static m => m.GroupBy["destination"]))}");
    }

    [Fact]
    public void A_record_without_mailbox_or_time_is_counted_not_evaluated()
    {
        var analytic = new SharedForwardingAnalytic();
        Run(analytic, [Event("m365.audit", T0, ("Operation", "Set-Mailbox")), Event("m365.audit", null, ("Operation", "Set-Mailbox"), ("ObjectId", "amy"))]);
        Assert.Equal(1, analytic.Unevaluated["missing-mailbox"]);
        Assert.Equal(1, analytic.Unevaluated["missing-time"]);
    }

    [Fact]
    public void Fires_on_the_real_same_destination_sample()
    {
        var path = Support.Repository.SharedData("logs/det-eng-samples/t1114.003_Forward_Rule_Multi_Users_Same_Forward_dest.json");
        var problems = new ProblemLog();
        var found = Run(new SharedForwardingAnalytic(), LogFiles.Read(path, problems).ToList());
        Assert.Equal(0, problems.Total);
        Assert.Contains(found, static m => m.GroupBy["destination"] == "johndoe@gmail.com");
    }

    [Fact]
    public void A_destination_seen_before_a_restart_is_remembered()
    {
        var before = new SharedForwardingAnalytic();
        Run(before, [Audit("Set-Mailbox", "amy", T0, ("ForwardingSmtpAddress", "collect@evil.example"))]);
        var after = new SharedForwardingAnalytic();
        Assert.True(after.LoadState(before.SaveState()));

        var found = Run(after, [Audit("New-InboxRule", "bob", T0.AddHours(2), ("ForwardTo", "collect@evil.example"))]);

        Assert.Equal("collect@evil.example", Assert.Single(found).GroupBy["destination"]);
        Assert.False(new SharedForwardingAnalytic().LoadState("not json"));
    }
}
