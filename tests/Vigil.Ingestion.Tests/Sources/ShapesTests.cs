using System.Text;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Sources;

/// <summary>Entra sign-ins, HttpProxy logs and declared source types, with fixtures generated here (no public samples staged).</summary>
public sealed class ShapesTests : IDisposable
{
    // Graph /auditLogs/signIns objects (field names from the Graph signIn resource; values made up).
    private const string Graph =
        """{"id":"1","createdDateTime":"2021-08-13T02:10:11Z","userPrincipalName":"reception@clinic.example","appDisplayName":"Office 365 Exchange Online","ipAddress":"198.51.100.23","clientAppUsed":"IMAP4","status":{"errorCode":50126,"failureReason":"Invalid username or password."},"location":{"city":"Lagos","countryOrRegion":"NG","geoCoordinates":{"latitude":6.45,"longitude":3.39}},"isInteractive":false}""" + "\n"
        + """{"id":"2","createdDateTime":"2021-08-13T02:11:00Z","userPrincipalName":"gp@clinic.example","ipAddress":"81.2.69.144","clientAppUsed":"Browser","status":{"errorCode":0},"location":{"countryOrRegion":"GB"}}""" + "\n";

    // Azure Monitor diagnostic export of the same.
    private const string Diagnostic =
        """{"time":"2019-10-18T09:45:48.0729893Z","category":"SignInLogs","operationName":"Sign-in activity","resultType":"50140","callerIpAddress":"81.2.69.144","location":"FR","properties":{"appDisplayName":"Office 365","clientAppUsed":"Browser","createdDateTime":"2019-10-18T04:45:48.0729893-05:00","ipAddress":"81.2.69.144","location":{"city":"Champs-Sur-Marne","countryOrRegion":"FR"},"status":{"errorCode":50140},"userPrincipalName":"test@example.org"}}""" + "\n";

    // Sentinel SigninLogs CSV export (JSON text columns, US times).
    private const string Sentinel =
        "TimeGenerated [UTC],CreatedDateTime,UserPrincipalName,IPAddress,AppDisplayName,ClientAppUsed,ResultType,Status,LocationDetails,Type\n"
        + "\"4/28/2021, 2:08:46.000 PM\",4/28/2021 2:08:45 PM,adele@example.org,175.45.176.99,Azure Portal,Browser,0,\"{\"\"errorCode\"\":0}\","
        + "\"{\"\"countryOrRegion\"\":\"\"IL\"\",\"\"city\"\":\"\"Azor\"\"}\",SigninLogs\n";

    // Exchange HttpProxy log: W3C-style directives then CSV rows (columns per Test-ProxyLogon.ps1; values made up).
    private const string HttpProxy =
        "#Software: Microsoft Exchange Server\n#Version: 15.01.2375.007\n#Log-type: HttpProxy Logs\n#Date: 2021-03-02T00:00:00.000Z\n"
        + "#Fields: DateTime,RequestId,ClientIpAddress,UrlHost,UrlStem,RoutingHint,UserAgent,AnchorMailbox,HttpStatus\n"
        + "2021-03-02T07:15:01.123Z,1e2d,198.51.100.23,mail.clinic.example,/ecp/y.js,,python-requests/2.25.1,ServerInfo~a]@mail.clinic.example:444/autodiscover/autodiscover.xml?#,200\n";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Graph_sign_ins_keep_their_names_and_gain_sentinel_ones()
    {
        var events = Reading.Of(_temp.File("signins.json", Graph)).Events;

        Assert.All(events, e => Assert.Equal("entra.signin", e.SourceType));
        var first = events[0];
        Assert.Equal(new DateTimeOffset(2021, 8, 13, 2, 10, 11, TimeSpan.Zero), first.Timestamp);
        Assert.Equal(["reception@clinic.example", "reception@clinic.example", "198.51.100.23", "50126", "50126", "NG", "NG", "IMAP4", "Lagos"],
            new[] { "userPrincipalName", "UserPrincipalName", "IPAddress", "status.errorCode", "ResultType", "Location", "LocationDetails.countryOrRegion",
                "ClientAppUsed", "LocationDetails.city" }.Select(first.Get));
        Assert.Equal("0", events[1].Get("ResultType"));
    }

    [Fact]
    public void A_saved_graph_page_splits_into_its_sign_ins()
    {
        var page = "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns\",\"value\":["
            + string.Join(",", Graph.TrimEnd('\n').Split('\n')) + "]}";

        var events = Reading.Of(_temp.File("page.json", page)).Events;

        Assert.Equal(["reception@clinic.example", "gp@clinic.example"], events.Select(e => e.Get("UserPrincipalName")));
        Assert.All(events, e => Assert.Equal("entra.signin", e.SourceType));
        Assert.Equal(new DateTimeOffset(2021, 8, 13, 2, 11, 0, TimeSpan.Zero), events[1].Timestamp);
        Assert.Equal("Lagos", events[0].Get("location.city"));
        Assert.Null(events[1].Get("location.city"));
    }

    [Fact]
    public void Azure_monitor_sign_ins_lift_their_properties()
    {
        var record = Reading.Of(_temp.File("diag.json", Diagnostic)).Events.Single();

        Assert.Equal("entra.signin", record.SourceType);
        Assert.Equal(new DateTimeOffset(2019, 10, 18, 9, 45, 48, TimeSpan.Zero).AddTicks(729893), record.Timestamp);
        Assert.Equal(["test@example.org", "81.2.69.144", "FR", "50140", "50140", "SignInLogs", "FR"],
            new[] { "userPrincipalName", "ipAddress", "location.countryOrRegion", "status.errorCode", "ResultType", "category", "location" }.Select(record.Get));
        Assert.Null(record.Get("properties.userPrincipalName"));
    }

    [Fact]
    public void Sentinel_sign_in_exports_flatten_their_json_columns()
    {
        var record = Reading.Of(_temp.File("SigninLogs.csv", Sentinel)).Events.Single();

        Assert.Equal("entra.signin", record.SourceType);
        Assert.Equal(["adele@example.org", "0", "IL", "Azor", "0"],
            new[] { "UserPrincipalName", "ResultType", "LocationDetails.countryOrRegion", "LocationDetails.city", "Status.errorCode" }.Select(record.Get));
        Assert.Equal(new DateTimeOffset(2021, 4, 28, 14, 8, 45, TimeSpan.Zero), record.Timestamp); // CreatedDateTime
    }

    [Fact]
    public void Exchange_http_proxy_logs_are_named_by_their_fields_line()
    {
        var record = Reading.Of(_temp.File("HttpProxy_2021030207-1.LOG", HttpProxy)).Events.Single();

        Assert.Equal("exchange.httpproxy", record.SourceType);
        Assert.Equal(new DateTimeOffset(2021, 3, 2, 7, 15, 1, 123, TimeSpan.Zero), record.Timestamp);
        Assert.StartsWith("ServerInfo~", record.Get("AnchorMailbox"), StringComparison.Ordinal);
        Assert.Equal(["198.51.100.23", "/ecp/y.js", "200", ""], new[] { "ClientIpAddress", "UrlStem", "HttpStatus", "RoutingHint" }.Select(record.Get));
        Assert.Equal(6, record.Record);
    }

    [Fact]
    public void Iis_fields_may_change_mid_file()
    {
        var log = "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
            + "#Fields: date time c-ip cs-method cs-uri-stem cs-uri-query sc-status\n"
            + "2021-08-13 02:14:07 198.51.100.23 POST /autodiscover/autodiscover.json @evil.example/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.example 200\n"
            + "#Fields: date time cs-method cs-uri-stem cs-username sc-status\n"
            + "2021-08-13 02:21:40 POST /aspnet_client/x3k9ab.aspx - 200\n"
            + "2021-08-13 02:21:41 too few\n";

        var reading = Reading.Of(_temp.File("u_ex210813.log", log));

        Assert.Equal(2, reading.Events.Count);
        Assert.Equal("/autodiscover/autodiscover.json?@evil.example/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.example", reading.Events[0].Get("c-uri"));
        Assert.Equal("198.51.100.23", reading.Events[0].Get("c-ip"));
        Assert.Null(reading.Events[1].Get("c-ip"));
        Assert.Equal("", reading.Events[1].Get("cs-username"));
        Assert.Equal(new DateTimeOffset(2021, 8, 13, 2, 21, 40, TimeSpan.Zero), reading.Events[1].Timestamp);
        Assert.Equal(["invalid-record@line 7"], reading.ProblemKeys);
        Assert.Contains("4 fields where #Fields names 6", reading.Problems[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_source_type_overrides_recognition()
    {
        var path = _temp.File("mail.txt", "just a line\nMar  1 10:00:00 mx postfix/smtpd[1]: connect from unknown[192.0.2.9]\n");
        var problems = new Vigil.Diagnostics.ProblemLog();

        var events = LogFiles.Read(path, problems, "postfix").ToList();

        Assert.Equal(["", "postfix"], events.Select(e => e.SourceType));
        Assert.Equal("192.0.2.9", events[1].Get("postfix.client_ip"));
        Assert.Throws<ArgumentException>(() => LogFiles.Read(path, problems, "no-such-type"));
    }

    [Fact]
    public void Unrecognised_json_is_generic_json_and_invalid_utf8_lines_are_reported()
    {
        var json = Reading.Of(_temp.File("app.json", "{\"a\":{\"b\":1}}\n"));
        // Past the 64 KiB the format is sniffed from, so the file is still read as syslog.
        var good = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Mar  1 10:00:00 h a: ok\n", 3000)));
        var syslog = Reading.Of(_temp.File("syslog", [.. good, .. "Mar  1 10:00:01 h a: bad "u8, 0xC3, 0x28, (byte)'\n', .. "Mar  1 10:00:02 h a: ok\n"u8]));

        Assert.Equal("json", Assert.Single(json.Events).SourceType);
        Assert.Equal(3001, syslog.Events.Count);
        Assert.All(syslog.Events, e => Assert.Equal("syslog", e.SourceType));
        Assert.Equal(["invalid-utf8@line 3001"], syslog.ProblemKeys);
    }
}
