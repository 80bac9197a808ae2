using Vigil.Ingestion.Sources;

namespace Vigil.Ingestion.Tests.Sources;

public sealed class TokenCacheTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Messages_from_one_host_and_daemon_share_the_strings_of_their_host_tag_and_process()
    {
        var first = SyslogParser.Parse("<22>Mar  1 10:00:00 mail postfix/smtpd[101]: connect from unknown[203.0.113.1]".AsSpan(), Received).Event!;
        var second = SyslogParser.Parse("<22>Mar  1 10:00:01 mail postfix/smtpd[102]: connect from unknown[203.0.113.2]".AsSpan(), Received).Event!;

        foreach (var name in new[] { "syslog.hostname", "syslog.appname", "postfix.process", "postfix.client_host" })
        {
            Assert.Same(first.Get(name), second.Get(name));
        }

        Assert.Equal(("mail", "postfix/smtpd", "smtpd", "unknown"), (first.Get("syslog.hostname"), first.Get("syslog.appname"), first.Get("postfix.process"), first.Get("postfix.client_host")));
        Assert.NotSame(first.Get("syslog.procid"), second.Get("syslog.procid"));
    }

    [Fact]
    public void Mail_fields_with_few_values_are_shared_between_messages()
    {
        string[] postfix =
        [
            "<22>Mar  1 10:00:00 mail postfix/smtp[101]: 3A00000001: to=<a@example.net>, relay=mx.example.net[198.51.100.1]:25, nrcpt=1, status=sent (250 ok)",
            "<22>Mar  1 10:00:01 mail postfix/smtp[102]: 3A00000002: to=<b@example.net>, relay=mx.example.net[198.51.100.2]:25, nrcpt=1, status=sent (250 ok)",
        ];
        string[] dovecot =
        [
            "<22>Mar  1 10:00:00 mail dovecot: imap-login: Login: user=<a@clinic.example>, method=PLAIN, rip=192.0.2.1, lip=10.0.0.5, TLS",
            "<22>Mar  1 10:00:01 mail dovecot: imap-login: Login: user=<b@clinic.example>, method=PLAIN, rip=192.0.2.2, lip=10.0.0.5, TLS",
        ];
        string[] sasl =
        [
            "<22>Mar  1 10:00:00 mail postfix/smtpd[101]: warning: unknown[203.0.113.1]: SASL LOGIN authentication failed: authentication failure",
            "<22>Mar  1 10:00:01 mail postfix/smtpd[102]: warning: unknown[203.0.113.2]: SASL LOGIN authentication failed: authentication failure",
        ];

        var cases = new[] { (postfix, "postfix.status", "sent"), (postfix, "postfix.nrcpt", "1"), (dovecot, "dovecot.method", "PLAIN"), (dovecot, "dovecot.lip", "10.0.0.5"), (sasl, "postfix.sasl_method", "LOGIN") };
        foreach (var (lines, name, value) in cases)
        {
            var first = SyslogParser.Parse(lines[0].AsSpan(), Received).Event!.Get(name);
            var second = SyslogParser.Parse(lines[1].AsSpan(), Received).Event!.Get(name);
            Assert.Equal((name, value), (name, first));
            Assert.Same(first, second);
        }
    }

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

    [Theory]
    [InlineData("mail", "mail")]
    [InlineData("mail", "maim")]
    [InlineData("", "")]
    [InlineData("a-host-name-longer-than-the-cache-keeps-at-all-0123456789", "a-host-name-longer-than-the-cache-keeps-at-all-0123456789")]
    public void Every_token_comes_back_as_its_own_text(string a, string b)
    {
        var x = TokenCache.Get(a.AsSpan());
        var y = TokenCache.Get(b.AsSpan());

        Assert.Equal((a, b), (x, y));
    }
}
