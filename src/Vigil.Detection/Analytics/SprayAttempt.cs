using Vigil.Events;

namespace Vigil.Detection.Analytics;

/// <summary>One sign-in attempt remembered by the spray analytic.</summary>
/// <param name="Time">Its event time.</param>
/// <param name="User">The account.</param>
/// <param name="Event">The event, to list in the detection.</param>
internal sealed record SprayAttempt(DateTimeOffset Time, string User, LogEvent Event);
