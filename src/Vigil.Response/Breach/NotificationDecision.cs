namespace Vigil.Response.Breach;

/// <summary>A person's decision to notify (or not), with its reasoning: who decided, when and why.</summary>
/// <param name="Notify">True to notify.</param>
/// <param name="Reason">Why, in the decider's words.</param>
/// <param name="DecidedBy">The user who decided.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="AgreesWithAssessment">False when the decision departs from what the assessment found the law requires.</param>
public sealed record NotificationDecision(bool Notify, string Reason, string DecidedBy, DateTimeOffset DecidedAt, bool AgreesWithAssessment);
