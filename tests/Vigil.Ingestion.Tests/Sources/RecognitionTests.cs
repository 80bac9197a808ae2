using System.Text;
using Vigil.Ingestion.Sources;

namespace Vigil.Ingestion.Tests.Sources;

public sealed class RecognitionTests
{
    [Theory]
    [InlineData("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n", "iis")]
    [InlineData("#Fields: date time s-ip cs-method\n", "iis")]
    [InlineData("2023-08-28 07:37:00 exchange01 10.44.0.131 POST /EWS/Exchange.asmx - 443 - 10.119.1.75 UA - 200 0 0 52 10.10.10.7 59050\n", "iis")]
    [InlineData("#Software: Microsoft Exchange Server\n#Version: 15.02\n#Log-type: Message Tracking Log\n", "exchange.tracking")]
    [InlineData("#Software: Microsoft Exchange Server\n#Log-type: HttpProxy Logs\n", "exchange.httpproxy")]
    [InlineData("2024-01-25T15:16:09.843Z,,,,exchange-mail,No suitable shadow servers,,SMTP,HAREDIRECTFAIL,1,<a@b>,c,d,,1,1,,,s,e,f,,Incoming,,,,S:x=y,Email,g,15.02\n", "exchange.tracking")]
    [InlineData("\"RecordType\",\"CreationDate\",\"UserIds\",\"Operations\",\"AuditData\"\n", "m365.audit")]
    [InlineData("RecordId,CreationDate,RecordType,Operation,UserId,AuditData\n", "m365.audit")]
    [InlineData("TenantId,Operation,RecordType,OfficeWorkload,UserId\n", "m365.audit")]
    [InlineData("TimeGenerated,UserPrincipalName,IPAddress,ResultType\n", "entra.signin")]
    [InlineData("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - x\n", "syslog")]
    [InlineData("# comment\nFeb 21 09:21:54 xxx postfix/smtpd[14398]: NOQUEUE: reject\nFeb 21 09:21:55 xxx postfix/smtpd[14398]: x\n", "syslog")]
    [InlineData("2024-03-01 12:00:00 INFO application log line\n", "")]
    [InlineData("id,name\n1,a\n", "")]
    [InlineData("{\"a\":1}\n", "")]
    [InlineData("just text\n", "")]
    public void File_starts_tell_their_source_type(string start, string expected)
    {
        Assert.Equal(expected, SourceTypes.Recognise(Encoding.UTF8.GetBytes(start)));
    }

    [Fact]
    public void Invalid_utf8_or_binary_starts_are_not_recognised()
    {
        Assert.Equal("", SourceTypes.Recognise([0xC3, 0x28, (byte)'\n']));
        Assert.Equal("", SourceTypes.Recognise([0, 1, 2, 3]));
        Assert.Equal("", SourceTypes.Recognise([]));
    }

    [Fact]
    public void Records_tell_their_source_type()
    {
        var audit = new Vigil.Events.LogEvent();
        audit.Add("Operation", "Set-Mailbox");
        audit.Add("RecordType", "1");
        audit.Add("Workload", "Exchange");
        var other = new Vigil.Events.LogEvent();
        other.Add("Operation", "x");

        Assert.Equal("m365.audit", SourceTypes.Recognise(audit));
        Assert.Equal("", SourceTypes.Recognise(other));
        Assert.Equal("json", SourceTypes.Shape(other, fallback: "json").SourceType);
        Assert.True(SourceTypes.IsKnown("exchange.tracking"));
        other.Add("Channel", "Security");
        other.Add("EventID", "4688");
        Assert.Equal("windows", SourceTypes.Shape(other, fallback: "json").SourceType);
    }
}
