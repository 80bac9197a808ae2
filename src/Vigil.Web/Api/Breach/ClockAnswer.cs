using Vigil.Response.Breach;

namespace Vigil.Web.Api.Breach;

/// <summary>One deadline clock.</summary>
/// <param name="Key">jurisdiction:deadline.</param>
/// <param name="Jurisdiction">The profile id.</param>
/// <param name="Deadline">The rule id.</param>
/// <param name="Recipient">Whom to tell.</param>
/// <param name="Citation">The law.</param>
/// <param name="Due">When it falls.</param>
/// <param name="State">running, overdue or met.</param>
/// <param name="Left">Time left (negative when overdue).</param>
/// <param name="Met">The notification that met it, or null.</param>
internal sealed record ClockAnswer(string Key, string Jurisdiction, string Deadline, string Recipient, string Citation, DateTimeOffset Due, string State, string Left, NotificationRecord? Met);
