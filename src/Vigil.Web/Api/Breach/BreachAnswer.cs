using Vigil.Response.Breach;

namespace Vigil.Web.Api.Breach;

/// <summary>An incident's breach assessment (counts only), clocks and notifications sent.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="Assessment">The assessment, or null before scoping.</param>
/// <param name="Clocks">Its deadline clocks, soonest first.</param>
/// <param name="Sent">Notifications recorded as sent.</param>
internal sealed record BreachAnswer(long IncidentId, string Reference, BreachAssessment? Assessment, IReadOnlyList<ClockAnswer> Clocks, IReadOnlyList<NotificationRecord> Sent);
