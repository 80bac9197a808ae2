namespace Vigil.Detection.Analytics;

/// <summary>What Postfix logged earlier about one queue id: its sender and whether its client authenticated.</summary>
internal sealed class PostfixQueue
{
    /// <summary>The envelope sender (<c>from=</c>), when seen.</summary>
    public string? Sender { get; set; }

    /// <summary>Whether the client that submitted it logged in (SASL).</summary>
    public bool Authenticated { get; set; }
}
