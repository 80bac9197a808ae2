namespace Vigil.Web.Api.Incidents;

/// <summary>A page of incidents, the id to pass as <c>before</c> for the next (null on the last), and how many there are in each status.</summary>
internal sealed record IncidentPageAnswer(IReadOnlyList<IncidentItem> Incidents, long? Next, IReadOnlyDictionary<string, int> Counts);
