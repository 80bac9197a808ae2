namespace Vigil.Monitoring.Tests.Delivery;

/// <summary>One failed attempt as the outbox saw it.</summary>
internal sealed record FailureRecord(long Id, string Reason, DateTimeOffset RecordedAt, DateTimeOffset NextAttemptAt, bool GiveUp)
{
    public TimeSpan Delay => NextAttemptAt - RecordedAt;
}
