namespace Vigil.Web.Api;

/// <summary>A page of events, newest event time first; pass <paramref name="Next"/> as <c>after</c> to continue.</summary>
internal sealed record EventPageAnswer(IReadOnlyList<EventItem> Events, string? Next, int Scanned);
