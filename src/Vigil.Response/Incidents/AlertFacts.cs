namespace Vigil.Response.Incidents;

/// <summary>What an incident needs of an alert (the storage module's alert, reduced).</summary>
/// <param name="Id">The alert's id.</param>
/// <param name="RuleTitle">Its rule's title.</param>
/// <param name="Level">Its level.</param>
/// <param name="FirstSeen">Event time of its first detection.</param>
/// <param name="Count">How many detections it grouped.</param>
public sealed record AlertFacts(long Id, string RuleTitle, string Level, DateTimeOffset FirstSeen, int Count);
