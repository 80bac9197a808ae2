using System.Text;
using Vigil.Ingestion.Sources;

namespace Vigil.Ingestion.Tests.Sources;

public sealed class SyslogParserTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string[]> Rfc5424Examples => new()
    {
        // RFC 5424 section 6.5, examples 1 to 4 (BOM written as U+FEFF).
        {
            "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8",
            "2003-10-11T22:14:15.0030000+00:00",
            ["syslog.priority=34", "syslog.facility=auth", "syslog.severity=crit", "syslog.version=1", "syslog.hostname=mymachine.example.com",
                "syslog.appname=su", "syslog.msgid=ID47", "message='su root' failed for lonvick on /dev/pts/8", "syslog.message='su root' failed for lonvick on /dev/pts/8"]
        },
        {
            "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.",
            "2003-08-24T12:14:15.0000030+00:00",
            ["syslog.priority=165", "syslog.facility=local4", "syslog.severity=notice", "syslog.version=1", "syslog.hostname=192.0.2.1",
                "syslog.appname=myproc", "syslog.procid=8710", "message=%% It's time to make the do-nuts.", "syslog.message=%% It's time to make the do-nuts."]
        },
        {
            "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] \uFEFFAn application event log entry...",
            "2003-10-11T22:14:15.0030000+00:00",
            ["syslog.priority=165", "syslog.facility=local4", "syslog.severity=notice", "syslog.version=1", "syslog.hostname=mymachine.example.com",
                "syslog.appname=evntslog", "syslog.msgid=ID47", "syslog.sd.exampleSDID@32473.iut=3", "syslog.sd.exampleSDID@32473.eventSource=Application",
                "syslog.sd.exampleSDID@32473.eventID=1011", "message=An application event log entry...", "syslog.message=An application event log entry..."]
        },
        {
            "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"][examplePriority@32473 class=\"high\"]",
            "2003-10-11T22:14:15.0030000+00:00",
            ["syslog.priority=165", "syslog.facility=local4", "syslog.severity=notice", "syslog.version=1", "syslog.hostname=mymachine.example.com",
                "syslog.appname=evntslog", "syslog.msgid=ID47", "syslog.sd.exampleSDID@32473.iut=3", "syslog.sd.exampleSDID@32473.eventSource=Application",
                "syslog.sd.exampleSDID@32473.eventID=1011", "syslog.sd.examplePriority@32473.class=high", "message=", "syslog.message="]
        },
        {
            "<13>1 - - - - - [x@1 a=\"q\\\"uote\" b=\"back\\\\slash\" c=\"br\\]acket\" d=\"keep\\n\"] m",
            "2026-03-01T12:00:00.0000000+00:00",
            ["syslog.priority=13", "syslog.facility=user", "syslog.severity=notice", "syslog.version=1",
                "syslog.sd.x@1.a=q\"uote", "syslog.sd.x@1.b=back\\slash", "syslog.sd.x@1.c=br]acket", "syslog.sd.x@1.d=keep\\n", "message=m", "syslog.message=m"]
        },
    };

    public static TheoryData<string, string, string[]> Rfc3164Examples => new()
    {
        {
            "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
            "2025-10-11T22:14:15.0000000+00:00",
            ["syslog.priority=34", "syslog.facility=auth", "syslog.severity=crit", "syslog.hostname=mymachine", "syslog.appname=su",
                "message='su root' failed for lonvick on /dev/pts/8", "syslog.message='su root' failed for lonvick on /dev/pts/8"]
        },
        {
            "Mar  1 09:30:00 mail postfix/smtpd[3937]: connect from unknown[192.0.2.7]",
            "2026-03-01T09:30:00.0000000+00:00",
            ["syslog.hostname=mail", "syslog.appname=postfix/smtpd", "syslog.procid=3937", "message=connect from unknown[192.0.2.7]", "syslog.message=connect from unknown[192.0.2.7]",
                "postfix.process=smtpd", "postfix.client_host=unknown", "postfix.client_ip=192.0.2.7"]
        },
        {
            "<13>Mar  3 11:00:00 host app: two days ahead of receipt is last year",
            "2025-03-03T11:00:00.0000000+00:00",
            ["syslog.priority=13", "syslog.facility=user", "syslog.severity=notice", "syslog.hostname=host", "syslog.appname=app",
                "message=two days ahead of receipt is last year", "syslog.message=two days ahead of receipt is last year"]
        },
        {
            "<30>Feb 28 23:59:59 cron[77]: no hostname, the tag comes first",
            "2026-02-28T23:59:59.0000000+00:00",
            ["syslog.priority=30", "syslog.facility=daemon", "syslog.severity=info", "syslog.appname=cron", "syslog.procid=77",
                "message=no hostname, the tag comes first", "syslog.message=no hostname, the tag comes first"]
        },
        {
            "2026-02-27T08:00:00.123456+01:00 web nginx[12]: rsyslog file format",
            "2026-02-27T07:00:00.1234560+00:00",
            ["syslog.hostname=web", "syslog.appname=nginx", "syslog.procid=12", "message=rsyslog file format", "syslog.message=rsyslog file format"]
        },
        {
            "Aug 3 15:30:49 ksusha postfix/smtpd[17041]: unpadded day",
            "2025-08-03T15:30:49.0000000+00:00",
            ["syslog.hostname=ksusha", "syslog.appname=postfix/smtpd", "syslog.procid=17041", "message=unpadded day", "syslog.message=unpadded day", "postfix.process=smtpd"]
        },
        {
            "<14>no header at all",
            "2026-03-01T12:00:00.0000000+00:00",
            ["syslog.priority=14", "syslog.facility=user", "syslog.severity=info", "message=no header at all", "syslog.message=no header at all"]
        },
    };

    [Theory]
    [MemberData(nameof(Rfc5424Examples))]
    [MemberData(nameof(Rfc3164Examples))]
    public void Syslog_messages_parse_into_named_fields(string message, string time, string[] fields)
    {
        var result = SyslogParser.Parse(Encoding.UTF8.GetBytes(message), Received);

        Assert.True(result.Success, result.Reason);
        Assert.Equal(time, result.Event.Timestamp?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(fields, result.Event.Fields().Select(f => $"{f.Key}={f.Value}"));
    }

    [Fact]
    public void A_3164_time_takes_the_receipt_offset_and_is_stored_in_utc()
    {
        var received = new DateTimeOffset(2026, 1, 1, 0, 30, 0, TimeSpan.FromHours(2));

        var result = SyslogParser.Parse("<13>Dec 31 23:59:00 h a: late"u8, received);

        Assert.True(result.Success, result.Reason);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 21, 59, 0, TimeSpan.Zero), result.Event.Timestamp);
        Assert.Equal(TimeSpan.Zero, result.Event.Timestamp!.Value.Offset);
    }

    [Fact]
    public void A_message_that_fails_half_way_leaves_none_of_its_fields_in_the_next_event()
    {
        var failed = SyslogParser.Parse("<34>1 2003-10-11T22:14:15.003Z host app - ID47 [id a=1]"u8, Received);
        var parsed = SyslogParser.Parse("<13>Mar  1 10:00:00 h a: ok"u8, Received);

        Assert.False(failed.Success);
        Assert.Equal(
            ["syslog.priority=13", "syslog.facility=user", "syslog.severity=notice", "syslog.hostname=h", "syslog.appname=a", "message=ok", "syslog.message=ok"],
            parsed.Event!.Fields().Select(f => $"{f.Key}={f.Value}"));
    }

    public static TheoryData<byte[], string, string> BadMessages => new()
    {
        { ""u8.ToArray(), "invalid-syslog", "the message is empty" },
        { "\r\n"u8.ToArray(), "invalid-syslog", "the message is empty" },
        { "<>1 - - - - - -"u8.ToArray(), "invalid-syslog", "the PRI is not 1 to 3 digits" },
        { "<192>1 - - - - - -"u8.ToArray(), "invalid-syslog", "the PRI value is over 191" },
        { "<013>1 - - - - - -"u8.ToArray(), "invalid-syslog", "the PRI is not 1 to 3 digits" },
        { "<1a>x"u8.ToArray(), "invalid-syslog", "the PRI is not 1 to 3 digits" },
        { "<34>1 2003-10-11T22:14:15.003Z host app - ID47 [id a=\"1\""u8.ToArray(), "invalid-syslog", "ends before its closing ]" },
        { "<34>1 2003-10-11T22:14:15.003Z host app - ID47 [id a=\"unterminated"u8.ToArray(), "invalid-syslog", "ends inside a parameter value" },
        { "<34>1 2003-10-11T22:14:15.003Z host app - ID47 [id a=1]"u8.ToArray(), "invalid-syslog", "not NAME=\"value\"" },
        { "<34>1 2003-10-11T22:14:15.003Z host app - ID47 x"u8.ToArray(), "invalid-syslog", "neither - nor [...]" },
        { "<34>1 2003-10-11T22:14:15.003Z host app -"u8.ToArray(), "invalid-syslog", "header ends before its structured data" },
        { "<34>1 yesterday host app - - -"u8.ToArray(), "invalid-syslog", "TIMESTAMP is not an RFC 3339 time" },
        { "<34>1 - host app - MSGIDTHATISFARTOOLONGFORTHEHEADER1 -"u8.ToArray(), "invalid-syslog", "MSGID is longer than 32" },
        { "<34>Feb 30 10:00:00 host app: x"u8.ToArray(), "invalid-syslog", "not a valid date" },
        { "just a line of text"u8.ToArray(), "invalid-syslog", "neither a PRI nor a syslog time" },
        { [.. "<34>Oct 11 22:14:15 host app: "u8, 0xC3, 0x28], "invalid-utf8", "not valid UTF-8" },
    };

    [Theory]
    [MemberData(nameof(BadMessages))]
    public void Malformed_messages_give_a_reason_and_no_event(byte[] message, string kind, string reason)
    {
        var result = SyslogParser.Parse(message, Received);

        Assert.False(result.Success);
        Assert.Null(result.Event);
        Assert.Equal(kind, result.Kind);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_message_parses_without_throwing()
    {
        var message = Encoding.UTF8.GetBytes("<13>Oct 11 22:14:15 host app: " + new string('x', 1_000_000));

        var result = SyslogParser.Parse(message, Received);

        Assert.True(result.Success, result.Reason);
        Assert.Equal(1_000_000, result.Event.Get("message")!.Length);
    }
}
