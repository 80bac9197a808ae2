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
