namespace Vigil.Monitoring.Delivery;

/// <summary>A channel could not deliver an alert; the message names the failure, never the alert's content.</summary>
/// <remarks>The message is stored in the outbox as the failure reason and shown to operators.</remarks>
public sealed class AlertDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">What failed, e.g. <c>webhook answered HTTP 500</c>; no alert content.</param>
    /// <param name="permanent">True when retrying cannot help (the dispatcher gives up at once).</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public AlertDeliveryException(string reason, bool permanent = false, Exception? inner = null)
        : base(reason, inner)
    {
        Permanent = permanent;
    }

    /// <summary>True when retrying cannot help, e.g. a webhook answering 410 Gone.</summary>
    public bool Permanent { get; }
}
