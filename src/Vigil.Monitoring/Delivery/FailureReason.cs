using System.Net.Sockets;
using MailKit.Net.Smtp;

namespace Vigil.Monitoring.Delivery;

/// <summary>Names a delivery failure for the outbox and the operator, from the exception's type and codes only.</summary>
/// <remarks>
/// Exception messages are not used, except <see cref="AlertDeliveryException"/>'s, which channels write to be safe:
/// other messages can quote server replies that echo recipients or content.
/// </remarks>
internal static class FailureReason
{
    public static string Describe(Exception exception) => exception switch
    {
        AlertDeliveryException delivery => delivery.Message,
        SmtpCommandException smtp => $"SMTP server refused: {smtp.ErrorCode} ({(int)smtp.StatusCode})",
        SocketException socket => $"connection failed: {socket.SocketErrorCode}",
        OperationCanceledException => "timed out",
        _ => exception.GetType().Name,
    };
}
