using Vigil.Monitoring.Delivery;

namespace Vigil.Monitoring.Tests.Delivery;

public sealed class AlertChannelOptionsTests
{
    private static AlertChannelOptions Mail(Action<SmtpChannelOptions>? change = null)
    {
        var smtp = new SmtpChannelOptions { Host = "mail.clinic.example", From = "vigil@clinic.example", To = ["soc@clinic.example"] };
        change?.Invoke(smtp);
        return new AlertChannelOptions { Name = "mail", Type = "smtp", Smtp = smtp };
    }

    private static AlertChannelOptions Hook(Action<WebhookChannelOptions>? change = null)
    {
        var webhook = new WebhookChannelOptions { Url = "https://soc.clinic.example/vigil", Secret = "0123456789abcdef0123" };
        change?.Invoke(webhook);
        return new AlertChannelOptions { Name = "hook", Type = "webhook", Webhook = webhook };
    }

    private static AlertChannelOptions Named(AlertChannelOptions channel, string name)
    {
        channel.Name = name;
        return channel;
    }

    public static TheoryData<string, AlertChannelOptions, string> Invalid() => new()
    {
        { "no host", Mail(s => s.Host = ""), "alerting.channels[0].smtp.host: required" },
        { "bad port", Mail(s => s.Port = 0), "alerting.channels[0].smtp.port: must be between 1 and 65535" },
        { "bad from", Mail(s => s.From = "vigil"), "alerting.channels[0].smtp.from: must be an email address" },
        { "no recipients", Mail(s => s.To = []), "alerting.channels[0].smtp.to: at least one recipient is required" },
        { "bad recipient", Mail(s => s.To = ["soc@clinic.example", "nobody"]), "alerting.channels[0].smtp.to[1]: must be an email address" },
        { "credentials in clear", Mail(s => { s.Security = SmtpSecurity.None; s.Username = "u"; s.Password = "p"; }), "alerting.channels[0].smtp.username: credentials are refused" },
        { "user without password", Mail(s => s.Username = "u"), "alerting.channels[0].smtp.password: required when a username is set" },
        { "bad link", Mail(s => s.LinkBaseUrl = "vigil.local"), "alerting.channels[0].smtp.linkBaseUrl: must be an absolute http or https URL" },
        { "bad url", Hook(w => w.Url = "ftp://x"), "alerting.channels[0].webhook.url: must be an absolute http or https URL" },
        { "plain http", Hook(w => w.Url = "http://soc.clinic.example/vigil"), "alerting.channels[0].webhook.url: plain http to a host other than loopback" },
        { "short secret", Hook(w => w.Secret = "short"), "alerting.channels[0].webhook.secret: required, at least 16 characters" },
        { "bad timeout", Hook(w => w.TimeoutSeconds = 0), "alerting.channels[0].webhook.timeoutSeconds: must be between 1 and 300" },
        { "bad type", new AlertChannelOptions { Name = "x", Type = "pager" }, "alerting.channels[0].type: must be smtp or webhook" },
        { "missing section", new AlertChannelOptions { Name = "x", Type = "smtp" }, "alerting.channels[0].smtp: required for type smtp" },
        { "bad name", Named(Hook(), "a b"), "alerting.channels[0].name: required" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_settings_are_reported_naming_the_field(string what, AlertChannelOptions channel, string expected)
    {
        var errors = AlertChannels.Validate([channel]);

        Assert.True(errors.Any(e => e.StartsWith(expected, StringComparison.Ordinal)), $"{what}: got [{string.Join(" | ", errors)}]");
    }

    [Fact]
    public void Valid_settings_have_no_errors_and_build_one_channel_each()
    {
        var channels = new[] { Mail(), Hook(), Named(Hook(w => w.Url = "http://127.0.0.1:9/x"), "local") };

        Assert.Empty(AlertChannels.Validate(channels));
        var built = AlertChannels.Create(channels, TimeProvider.System);
        Assert.Equal(["mail", "hook", "local"], built.Select(c => c.Name));
        Assert.IsType<SmtpAlertChannel>(built[0]);
        Assert.IsType<WebhookAlertChannel>(built[1]);
    }

    [Fact]
    public void Duplicate_names_are_reported_and_refused_by_the_factory()
    {
        var channels = new[] { Mail(), Mail() };

        Assert.Contains("alerting.channels[1].name: 'mail' is used by another channel", AlertChannels.Validate(channels));
        var error = Assert.Throws<ArgumentException>(() => AlertChannels.Create(channels, TimeProvider.System));
        Assert.Contains("alerting.channels[1].name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_never_appear_in_validation_messages()
    {
        var channels = new[] { Mail(s => { s.Security = SmtpSecurity.None; s.Username = "u"; s.Password = "hunter2-password"; }), Hook(w => w.Secret = "tiny-secret") };

        var errors = string.Join("\n", AlertChannels.Validate(channels));

        Assert.DoesNotContain("hunter2-password", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny-secret", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Delivery_options_are_validated_naming_the_field()
    {
        var options = new DeliveryOptions { MaxAttempts = 0, MaxBackoff = TimeSpan.FromSeconds(1), JitterFraction = 2 };

        var errors = options.Validate();

        Assert.Contains("alerting.delivery.maxAttempts: must be at least 1", errors);
        Assert.Contains("alerting.delivery.maxBackoff: must be at least initialBackoff", errors);
        Assert.Contains("alerting.delivery.jitterFraction: must be between 0 and 0.5", errors);
        Assert.Empty(new DeliveryOptions().Validate());
    }
}
