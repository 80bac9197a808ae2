using Vigil.Ingestion.Sources;

namespace Vigil.Ingestion.Tests.Sources;

public sealed class ProcessIdsTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Messages_of_one_process_share_its_process_id_string_in_both_syslog_formats()
    {
        string[] lines =
        [
            "<22>Mar  1 10:00:00 mail postfix/smtpd[4711]: connect from unknown[203.0.113.1]",
            "<22>Mar  1 10:00:01 mail postfix/smtpd[4711]: disconnect from unknown[203.0.113.1]",
            "<22>1 2026-03-01T10:00:02Z gw app 4711 ID47 - first",
            "<22>1 2026-03-01T10:00:03Z gw app 4711 ID47 - second",
        ];
        var events = lines.Select(l => SyslogParser.Parse(l.AsSpan(), Received).Event!).ToList();

        Assert.All(events, e => Assert.Equal("4711", e.Get("syslog.procid")));
        Assert.All(events, e => Assert.Same(events[0].Get("syslog.procid"), e.Get("syslog.procid")));
        foreach (var name in new[] { "syslog.hostname", "syslog.appname", "syslog.msgid" })
        {
            Assert.Same(events[2].Get(name), events[3].Get(name));
        }

        Assert.Equal(("gw", "app", "ID47"), (events[3].Get("syslog.hostname"), events[3].Get("syslog.appname"), events[3].Get("syslog.msgid")));
    }

    [Theory]
    [InlineData("123", "0123")] // one slot, two texts
    [InlineData("1", "32769")] // ids 32,768 apart share a slot
    [InlineData("77", "77")]
    [InlineData("12345678", "12345678")] // longer than the cache keeps
    [InlineData("worker-1", "abc")] // a 5424 PROCID need not be a number
    public void Every_process_id_comes_back_as_its_own_text(string a, string b)
    {
        var x = ProcessIds.Get(a.AsSpan());
        var y = ProcessIds.Get(b.AsSpan());
        var again = ProcessIds.Get(a.AsSpan());

        Assert.Equal((a, b, a), (x, y, again));
    }
}
