using Vigil.Response.Incidents;

namespace Vigil.Response.Tests.Incidents;

public sealed class ObservableExtractorTests
{
    [Fact]
    public void Observables_come_from_named_fields_with_valid_values_only()
    {
        KeyValuePair<string, string?>[] fields =
        [
            new("UserId", "dr.jones@practice.example"),
            new("ClientIP", "203.0.113.9:443"),
            new("IpAddress", "[2001:db8::1]:443"),
            new("src_ip", "not-an-ip"),
            new("TargetFilename", @"C:\inetpub\wwwroot\aspnet_client\shell.aspx"),
            new("ForwardingDomain", "evil.example"),
            new("Body", "Patient Jane Doe 943 476 5919"),
            new("user", "-"),
        ];

        var found = ObservableExtractor.Extract(fields, "event:9");

        Assert.Equal(
            ["account:dr.jones@practice.example", "domain:practice.example", "ip:203.0.113.9", "ip:2001:db8::1", @"file:C:\inetpub\wwwroot\aspnet_client\shell.aspx", "domain:evil.example"],
            found.Select(o => $"{o.Kind}:{o.Value}"));
        Assert.All(found, o => Assert.Equal("event:9", o.Source));
    }

    [Fact]
    public void Timeline_entries_say_time_source_and_operation_but_not_raw_content()
    {
        KeyValuePair<string, string?>[] fields = [new("Body", "Dear Jane"), new("Operation", "Send")];
        var entries = AlertTimeline.Entries(
            new AlertFacts(4, "Mass mailing", "high", DateTimeOffset.UnixEpoch, 2),
            [new EventFacts(11, DateTimeOffset.UnixEpoch.AddMinutes(1), "m365", AlertTimeline.ActionOf(fields))]);

        Assert.Equal(["alert:4|Alert 4 (high): Mass mailing, 2 detection(s)", "event:11|m365: Operation Send (alert 4)"], entries.Select(e => $"{e.Source}|{e.Text}"));
    }
}
