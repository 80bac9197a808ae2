using Vigil.Ingestion.Sources;

namespace Vigil.Ingestion.Tests.Sources;

/// <summary>Postfix and Dovecot lines not in the fail2ban samples (successful logins, deliveries), from the research notes' shapes.</summary>
public sealed class MailLogTests
{
    public static TheoryData<string, string, string[]> Lines => new()
    {
        {
            "Jan 14 05:24:34 mail dovecot: imap-login: Login: user=<danny.jarvis>, method=PLAIN, rip=172.21.131.50, lip=172.21.131.51, mpid=7889, TLS, session=<RvV0BITVsNqsFYMy>",
            "dovecot",
            ["dovecot.service=imap-login", "dovecot.action=login", "dovecot.user=danny.jarvis", "dovecot.method=PLAIN", "dovecot.rip=172.21.131.50",
                "dovecot.lip=172.21.131.51", "dovecot.session=RvV0BITVsNqsFYMy", "auth.outcome=success", "auth.user=danny.jarvis", "auth.client_ip=172.21.131.50"]
        },
        {
            "Mar  1 10:00:00 mx postfix/submission/smtpd[99]: 4F1A2B3C4D: client=unknown[192.0.2.8], sasl_method=PLAIN, sasl_username=gp@clinic.example",
            "postfix",
            ["postfix.process=submission/smtpd", "postfix.queue_id=4F1A2B3C4D", "postfix.client_host=unknown", "postfix.client_ip=192.0.2.8",
                "postfix.sasl_method=PLAIN", "postfix.sasl_username=gp@clinic.example", "postfix.action=sasl-login", "auth.outcome=success",
                "auth.user=gp@clinic.example", "auth.client_ip=192.0.2.8"]
        },
        {
            "Mar  1 10:00:01 mx postfix/smtp[7]: 4F1A2B3C4D: to=<patient@mail.example>, relay=mx.mail.example[198.51.100.2]:25, delay=1, status=sent (250 2.0.0 Ok)",
            "postfix",
            ["postfix.process=smtp", "postfix.queue_id=4F1A2B3C4D", "postfix.to=patient@mail.example", "postfix.status=sent",
                "postfix.relay=mx.mail.example[198.51.100.2]:25"]
        },
        {
            "Mar  1 10:00:02 mx postfix/qmgr[5]: 4F1A2B3C4D: from=<gp@clinic.example>, size=1234, nrcpt=40 (queue active)",
            "postfix",
            ["postfix.process=qmgr", "postfix.queue_id=4F1A2B3C4D", "postfix.from=gp@clinic.example", "postfix.nrcpt=40"]
        },
        {
            "Mar  1 10:00:03 mx sshd[5]: Accepted password for alice",
            "syslog",
            []
        },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Mail_lines_get_their_program_fields(string line, string sourceType, string[] fields)
    {
        var result = SyslogParser.Parse(line.AsSpan(), new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.True(result.Success, result.Reason);
        Assert.Equal(sourceType, result.Event.SourceType);
        var own = result.Event.Fields().Where(f => f.Key.StartsWith("postfix.", StringComparison.Ordinal)
            || f.Key.StartsWith("dovecot.", StringComparison.Ordinal) || f.Key.StartsWith("auth.", StringComparison.Ordinal));
        Assert.Equal(fields, own.Select(f => $"{f.Key}={f.Value}"));
    }
}
