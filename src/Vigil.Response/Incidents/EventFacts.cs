namespace Vigil.Response.Incidents;

/// <summary>What an incident's timeline takes from an event: never its raw text or message.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Time">Event time.</param>
/// <param name="SourceType">The kind of log.</param>
/// <param name="Action">What happened, from a field that names an operation (<c>Operation</c>, <c>EventID</c>, ...), or null.</param>
public sealed record EventFacts(long Id, DateTimeOffset Time, string SourceType, string? Action);
