using MailKit.Net.Smtp;
using MailKit.Security;
using Vigil.Storage.Alerts;

namespace Vigil.Monitoring.Delivery;

/// <summary>Emails alerts through an SMTP server (MailKit), one connection per alert.</summary>
/// <remarks>
/// The email holds the alert's metadata only (rule, level, group key, first and last seen, count, id, link), never
/// its details or any event's content: see docs/alerting.md. Thread-safe. The server's certificate is validated; a
/// failure throws and the dispatcher retries.
/// </remarks>
public sealed class SmtpAlertChannel : IAlertChannel
{
    private readonly SmtpChannelOptions _options;

    /// <summary>Creates the channel; <paramref name="options"/> must be valid (see <see cref="SmtpChannelOptions.Validate"/>).</summary>
    public SmtpAlertChannel(string name, SmtpChannelOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate("smtp");
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        Name = name;
        _options = options;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public async Task SendAsync(Alert alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var message = AlertEmail.Build(alert, _options);
        using var client = new SmtpClient { Timeout = _options.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, SocketOptions(_options.Security), ct).ConfigureAwait(false);
        }
        catch (NotSupportedException ex)
        {
            // MailKit's answer when STARTTLS is required and the server does not offer it.
            throw new AlertDeliveryException("SMTP server does not offer STARTTLS (security StartTls requires it)", inner: ex);
        }

        if (_options.Username is not null)
        {
            await client.AuthenticateAsync(_options.Username, _options.Password ?? "", ct).ConfigureAwait(false);
        }

        await client.SendAsync(message, ct).ConfigureAwait(false);
        try
        {
            await client.DisconnectAsync(quit: true, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or OperationCanceledException)
        {
            // The server has accepted the message; failing now would send it twice.
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };
}
