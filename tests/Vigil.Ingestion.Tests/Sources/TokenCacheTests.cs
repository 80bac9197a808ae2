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
