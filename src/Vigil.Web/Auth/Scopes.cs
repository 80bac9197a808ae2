namespace Vigil.Web.Auth;

/// <summary>What a token may do. Each API route requires exactly one scope (least privilege).</summary>
public static class Scopes
{
    /// <summary>Send events to <c>POST /api/v1/events</c>.</summary>
    public const string Ingest = "ingest";

    /// <summary>Read <c>/metrics</c>.</summary>
    public const string Metrics = "metrics";

    /// <summary>Every scope a token may be given.</summary>
    public static IReadOnlyList<string> All { get; } = [Ingest, Metrics];
}
