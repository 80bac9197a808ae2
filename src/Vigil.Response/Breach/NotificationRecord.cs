namespace Vigil.Response.Breach;

/// <summary>
/// A notification that was sent: which incident, to whom (a jurisdiction's deadline, such as <c>uk-gdpr</c> /
/// <c>regulator</c>), which phase, when it was sent, the recipient's reference, and who recorded it. A deadline with a
/// record is met: its clock stops and its reminders are no longer raised. Holds no patient data.
/// </summary>
/// <param name="Id">The store's id.</param>
/// <param name="IncidentId">The incident.</param>
/// <param name="Jurisdiction">The profile id (<c>uk-gdpr</c>, <c>gg-dpl</c>, <c>us-hipaa</c>...).</param>
/// <param name="Deadline">The deadline rule id within the profile (<c>regulator</c>, <c>individuals</c>, <c>hhs</c>, <c>media</c>, <c>dspt</c>...).</param>
/// <param name="Phase">One of <see cref="NotificationPhases.All"/>.</param>
/// <param name="SentAt">When it was sent (told by the person recording it).</param>
/// <param name="Reference">The recipient's case reference, or null.</param>
/// <param name="RecordedBy">Who recorded it (<c>user:NAME</c>, <c>cli:NAME</c>).</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record NotificationRecord(
    long Id,
    long IncidentId,
    string Jurisdiction,
    string Deadline,
    string Phase,
    DateTimeOffset SentAt,
    string? Reference,
    string RecordedBy,
    DateTimeOffset RecordedAt)
{
    /// <summary><c>jurisdiction:deadline</c>, the same key as <see cref="Deadlines.Clock.Key"/>.</summary>
    public string Key => $"{Jurisdiction}:{Deadline}";
}
