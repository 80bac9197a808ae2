namespace Vigil.Storage.Breach;

/// <summary>A notification to record (see <see cref="Response.Breach.NotificationRecord"/>).</summary>
/// <param name="Jurisdiction">The profile id.</param>
/// <param name="Deadline">The deadline rule id.</param>
/// <param name="Phase">One of <see cref="Response.Breach.NotificationPhases.All"/>.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="Reference">The recipient's case reference, or null.</param>
public sealed record NewNotificationRecord(string Jurisdiction, string Deadline, string Phase, DateTimeOffset SentAt, string? Reference);
