using Vigil.Monitoring.Delivery;

namespace Vigil.Monitoring.Tests.Delivery;

public sealed class SmtpAlertChannelTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    internal static SmtpChannelOptions Options(int port, SmtpSecurity security = SmtpSecurity.None) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Security = security,
        From = "vigil@clinic.example",
        To = ["soc@clinic.example", "oncall@clinic.example"],
        SubjectPrefix = "[Vigil test]",
        LinkBaseUrl = "https://vigil.clinic.example/",
        TimeoutSeconds = 5,
    };

    [Fact]
    public async Task Email_names_rule_level_group_times_count_id_and_link_to_every_recipient()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var channel = new SmtpAlertChannel("mail", Options(server.Port));

        await channel.SendAsync(TestAlerts.Create(42, Created), CancellationToken.None);

        var mail = Assert.Single(server.Received);
        Assert.Equal(["soc@clinic.example", "oncall@clinic.example"], mail.EnvelopeTo);
        Assert.Equal("[Vigil test] high: Mass download of patient records (alert 42)", mail.Message.Subject);
        Assert.Equal("vigil@clinic.example", mail.Message.From.Mailboxes.Single().Address);
        var body = mail.Message.TextBody;
        Assert.Contains("Rule:       Mass download of patient records (5c2a1e0f-rule)", body, StringComparison.Ordinal);
        Assert.Contains("Level:      high", body, StringComparison.Ordinal);
        Assert.Contains("Group key:  user=alice@clinic.example", body, StringComparison.Ordinal);
        Assert.Contains("First seen: 2026-11-28 08:50:00Z", body, StringComparison.Ordinal);
        Assert.Contains("Last seen:  2026-11-28 08:59:00Z", body, StringComparison.Ordinal);
        Assert.Contains("Count:      7", body, StringComparison.Ordinal);
        Assert.Contains("Alert id:   42", body, StringComparison.Ordinal);
        Assert.Contains("Link:       https://vigil.clinic.example/alerts/42", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_never_carries_details_event_ids_or_event_content()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var channel = new SmtpAlertChannel("mail", Options(server.Port));

        await channel.SendAsync(TestAlerts.Create(42, Created), CancellationToken.None);

        var raw = Assert.Single(server.Received).Raw;
        Assert.DoesNotContain(TestAlerts.PatientMarker, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("CommandLine", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("attack.collection", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("101", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_key_can_be_left_out_and_line_breaks_in_titles_cannot_forge_headers()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var options = Options(server.Port);
        options.IncludeGroupKey = false;
        var alert = TestAlerts.Create(7, Created) with { RuleTitle = "Odd\r\nBcc: thief@evil.example" };

        await new SmtpAlertChannel("mail", options).SendAsync(alert, CancellationToken.None);

        var mail = Assert.Single(server.Received);
        Assert.DoesNotContain("alice@clinic.example", mail.Raw, StringComparison.Ordinal);
        Assert.Empty(mail.Message.Bcc);
        Assert.DoesNotContain("thief@evil.example", mail.EnvelopeTo);
        Assert.Equal("[Vigil test] high: Odd  Bcc: thief@evil.example (alert 7)", mail.Message.Subject);
    }

    [Fact]
    public async Task Required_starttls_refuses_a_server_that_does_not_offer_it()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var channel = new SmtpAlertChannel("mail", Options(server.Port, SmtpSecurity.StartTls));

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(
            () => channel.SendAsync(TestAlerts.Create(1, Created), CancellationToken.None));

        Assert.Equal("SMTP server does not offer STARTTLS (security StartTls requires it)", error.Message);
        Assert.Empty(server.Received);
    }
}
