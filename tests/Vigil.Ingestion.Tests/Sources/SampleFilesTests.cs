using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Sources;

/// <summary>The real samples in ../shared/data/logs read through <see cref="LogFiles"/>: counts, source types, fields.</summary>
public sealed class SampleFilesTests
{
    private static Reading Read(string relative)
    {
        var path = Path.Combine(SharedData.Folder("logs"), "logs", relative);
        Assert.True(File.Exists(path), $"The sample {path} is absent; this test needs ../shared/data/logs.");
        return Reading.Of(path);
    }

    public static TheoryData<string, int, string, int> Counts => new()
    {
        // file, events, source type of the events counted next, how many have it
        { "elastic-integrations/iis10-access-exchange.log", 8, "iis", 8 },
        { "elastic-integrations/exchange-messagetracking.log", 6, "exchange.tracking", 6 },
        { "fail2ban/postfix.log", 151, "postfix", 63 },
        { "fail2ban/dovecot.log", 140, "dovecot", 51 },
        { "det-eng-samples/t1564.008_New_inbox_rule_to_delete_email.csv", 1, "m365.audit", 1 },
        { "det-eng-samples/t1110.003_msolspraywithsuccess_1.csv", 9, "m365.audit", 9 },
        { "det-eng-samples/t1110.003_msolspray-powershell.json", 11, "m365.audit", 11 },
        { "det-eng-samples/t1114.003_rule_mail_forward_same_dest.json", 2, "m365.audit", 2 },
        { "det-eng-samples/t1564.008_markasread_delete_all_email.json", 1, "m365.audit", 1 },
        { "azure-sentinel/office_activity_inbox_rule.csv", 2, "m365.audit", 2 },
    };

    [Theory]
    [MemberData(nameof(Counts))]
    public void Samples_read_with_their_source_type(string file, int events, string sourceType, int ofType)
    {
        var reading = Read(file);

        Assert.Empty(reading.Problems);
        Assert.Equal(events, reading.Events.Count);
        Assert.Equal(ofType, reading.Events.Count(e => e.SourceType == sourceType));
    }

    [Fact]
    public void Every_m365_sample_is_recognised_and_flattened()
    {
        var folder = Path.Combine(SharedData.Folder("logs"), "logs", "det-eng-samples");
        foreach (var file in Directory.GetFiles(folder).Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
        {
            var reading = Reading.Of(file);

            Assert.Empty(reading.Problems);
            Assert.NotEmpty(reading.Events);
            Assert.All(reading.Events, e =>
            {
                Assert.Equal("m365.audit", e.SourceType);
                Assert.False(string.IsNullOrEmpty(e.Get("Operation")), $"{file} record {e.Record} has no Operation");
                Assert.NotNull(e.Timestamp);
            });
        }
    }

    [Fact]
    public void Iis_rows_are_named_by_their_layout_with_utc_times()
    {
        var events = Read("elastic-integrations/iis10-access-exchange.log").Events;

        var ews = events[3];
        Assert.Equal(new DateTimeOffset(2023, 8, 28, 7, 37, 0, TimeSpan.Zero), ews.Timestamp);
        Assert.Equal("exchange01", ews.Get("s-computername"));
        Assert.Equal("POST", ews.Get("cs-method"));
        Assert.Equal("/EWS/Exchange.asmx", ews.Get("cs-uri-stem"));
        Assert.Equal("EXAMPLE\\user01", ews.Get("cs-username"));
        Assert.Equal("10.119.1.75", ews.Get("c-ip"));
        Assert.Equal("OC/16.0.5266.1000+(Skype+for+Business)", ews.Get("cs(User-Agent)"));
        Assert.Equal("OC/16.0.5266.1000 (Skype for Business)", ews.Get("cs-user-agent"));
        Assert.Equal("", ews.Get("cs(Referer)"));
        Assert.Equal("200", ews.Get("sc-status"));
        Assert.Equal("10.10.10.7", ews.Get("X-Forwarded-For"));
        Assert.StartsWith("/EWS/Exchange.asmx?&CorrelationID=", ews.Get("c-uri"), StringComparison.Ordinal);

        var first = events[0];
        Assert.Equal("10.119.32.8", first.Get("s-ip"));
        Assert.Equal("", first.Get("cs-uri-query"));
        Assert.Equal("/civault/Cryptology/Cryptology.svc", first.Get("c-uri"));
        Assert.Equal("443", first.Get("s-port"));
    }

    [Fact]
    public void Exchange_tracking_rows_get_the_thirty_field_names()
    {
        var events = Read("elastic-integrations/exchange-messagetracking.log").Events;

        Assert.Equal(["HAREDIRECTFAIL", "RECEIVE", "SEND", "SENDEXTERNAL"], events.Select(e => e.Get("event-id")).Distinct().Take(4).Order());
        var receive = events[1];
        Assert.Equal(new DateTimeOffset(2024, 1, 25, 15, 16, 9, 949, TimeSpan.Zero), receive.Timestamp);
        Assert.Equal("10.11.12.14", receive.Get("client-ip"));
        Assert.Equal("mailuser@my.domain.com", receive.Get("recipient-address"));
        Assert.Equal("root@host01.my.domain.com", receive.Get("sender-address"));
        Assert.Equal("Incoming", receive.Get("directionality"));
        Assert.Equal("15.02.0330.005", receive.Get("schema-version"));
    }

    [Fact]
    public void Postfix_and_dovecot_authentication_failures_carry_user_and_address()
    {
        var postfix = Read("fail2ban/postfix.log").Events;
        var dovecot = Read("fail2ban/dovecot.log").Events;

        var sasl = postfix.Single(e => e.Get("message")?.Contains("sasl_username=admin", StringComparison.Ordinal) == true);
        Assert.Equal(["smtpd", "sasl-auth-failed", "LOGIN", "unknown", "192.0.2.152", "admin", "failure", "admin", "192.0.2.152"],
            new[] { "postfix.process", "postfix.action", "postfix.sasl_method", "postfix.client_host", "postfix.client_ip", "postfix.sasl_username",
                "auth.outcome", "auth.user", "auth.client_ip" }.Select(sasl.Get));
        var reject = postfix.First(e => e.Get("postfix.action") == "reject");
        Assert.Equal(["192.0.43.10", "example.com", ""], new[] { "postfix.client_ip", "postfix.client_host", "postfix.from" }.Select(reject.Get));
        Assert.Equal("mail", sasl.Get("syslog.hostname"));
        Assert.Equal("1234", sasl.Get("syslog.procid"));

        var bob = dovecot.Single(e => e.Get("dovecot.user") == "username.bob");
        Assert.Equal(["imap-login", "auth-failed", "PLAIN", "49.176.98.87", "113.212.99.194", "2", "failure"],
            new[] { "dovecot.service", "dovecot.action", "dovecot.method", "dovecot.rip", "dovecot.lip", "dovecot.attempts", "auth.outcome" }.Select(bob.Get));
        var sql = dovecot.Single(e => e.Get("message")?.Contains("sql(admin@example.ru", StringComparison.Ordinal) == true);
        Assert.Equal(["auth", "auth-failed", "admin@example.ru", "192.168.144.226"],
            new[] { "dovecot.service", "dovecot.action", "auth.user", "auth.client_ip" }.Select(sql.Get));

        // The sample's pam_unix lines carry tai64n stamps (not syslog); the same text as syslog must not take the
        // address injected into ruser (fail2ban's test of the same line).
        var injected = Vigil.Ingestion.Sources.SyslogParser.Parse(
            "Jan  1 00:00:00 h dovecot-auth: pam_unix(dovecot:auth): authentication failure; logname= uid=0 euid=0 tty=dovecot ruser=rhost=1.2.3.4 rhost=192.0.43.10".AsSpan(),
            DateTimeOffset.UnixEpoch).Event!;
        Assert.Equal(["192.0.43.10", "auth-failed", "failure"], new[] { "dovecot.rip", "dovecot.action", "auth.outcome" }.Select(injected.Get));
    }

    [Fact]
    public void M365_csv_export_puts_audit_data_at_top_level()
    {
        var record = Read("det-eng-samples/t1564.008_New_inbox_rule_to_delete_email.csv").Events.Single();

        Assert.Equal("New-InboxRule", record.Get("Operation"));
        Assert.Equal("stinger@contoso.onmicrosoft.com", record.Get("UserId"));
        Assert.Equal("104.28.196.199:9808", record.Get("ClientIP"));
        Assert.Equal("1", record.Get("RecordType"));
        Assert.Equal("stinger@contoso.onmicrosoft.com", record.Get("UserIds"));
        Assert.Equal("178", record.Get("ResultIndex"));
        Assert.Null(record.Get("AuditData"));
        Assert.Contains("DeleteMessage", Reading.Values(record, "Parameters.Name"));
        Assert.Contains("\"Name\":\"DeleteMessage\",\"Value\":\"True\"", record.Get("Parameters"), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2023, 5, 29, 12, 29, 35, TimeSpan.Zero), record.Timestamp);
    }

    [Fact]
    public void M365_powershell_and_ndjson_exports_read_alike()
    {
        var nested = Read("det-eng-samples/t1114.003_rule_mail_forward_same_dest.json").Events[0];
        var spray = Read("det-eng-samples/t1110.003_msolspray-powershell.json").Events;

        Assert.Equal("New-InboxRule", nested.Get("Operation"));
        Assert.Equal("New-InboxRule", nested.Get("Operations"));
        Assert.Equal("104.28.196.199:28491", nested.Get("ClientIP"));
        Assert.Contains("\"Name\":\"ForwardTo\",\"Value\":\"alpha@localhost.com\"", nested.Get("Parameters"), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2024, 10, 8, 5, 8, 37, TimeSpan.Zero), nested.Timestamp);

        Assert.Equal(10, spray.Count(e => e.Get("Operation") == "UserLoginFailed"));
        Assert.Equal("50126", spray[0].Get("ErrorNumber"));
        Assert.Contains("\"Name\":\"RequestType\",\"Value\":\"OAuth2:Token\"", spray[0].Get("ExtendedProperties"), StringComparison.Ordinal);
    }

    [Fact]
    public void Sentinel_office_activity_rows_get_audit_data_names()
    {
        var rows = Read("azure-sentinel/office_activity_inbox_rule.csv").Events;

        Assert.All(rows, r => Assert.Equal("Exchange", r.Get("Workload")));
        Assert.Equal("New-InboxRule", rows[0].Get("Operation"));
        Assert.Equal("[2a01:110:8068:7:9bf8:aa87:e00a:5f1f]:36185", rows[0].Get("ClientIP"));
        Assert.Contains("MoveToFolder", rows[0].Get("Parameters"), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2021, 4, 26, 7, 17, 10, TimeSpan.Zero), rows[0].Timestamp);
    }
}
