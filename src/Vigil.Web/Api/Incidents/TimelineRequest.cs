namespace Vigil.Web.Api.Incidents;

/// <summary><c>{"text": "...", "at": "2026-03-02T09:30:00Z"}</c>; without <c>at</c>, now.</summary>
internal sealed record TimelineRequest(string? Text, DateTimeOffset? At);
