namespace Vigil.Monitoring.Delivery;

/// <summary>The outcome of <see cref="WebhookSignature.Verify"/>.</summary>
public enum WebhookVerification
{
    /// <summary>The signature matches and the timestamp is within the tolerance: accept the request.</summary>
    Valid = 0,

    /// <summary>A header is missing.</summary>
    MissingHeader = 1,

    /// <summary>The timestamp is not a whole number of unix seconds.</summary>
    MalformedTimestamp = 2,

    /// <summary>The timestamp is further from now than the tolerance: a replay or a badly wrong clock.</summary>
    OutsideTolerance = 3,

    /// <summary>The signature header is not <c>sha256=</c> followed by 64 hex digits.</summary>
    MalformedSignature = 4,

    /// <summary>The signature does not match: wrong secret, or the body or timestamp was changed.</summary>
    Mismatch = 5,
}
