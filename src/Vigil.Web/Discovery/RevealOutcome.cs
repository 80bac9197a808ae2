namespace Vigil.Web.Discovery;

/// <summary>The values of one item, or why they could not be read again (never content).</summary>
internal sealed record RevealOutcome(IReadOnlyList<RevealedValue> Values, string? Error)
{
    public static RevealOutcome Failed(string error) => new([], error);
}
