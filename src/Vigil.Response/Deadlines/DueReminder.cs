namespace Vigil.Response.Deadlines;

/// <summary>A reminder to raise now.</summary>
/// <param name="Key">Unique per incident and stage (<c>uk-gdpr:regulator:24h</c>, <c>uk-gdpr:regulator:overdue</c>): raise each once.</param>
/// <param name="Clock">The clock it is about.</param>
/// <param name="Level">Alert level: <c>high</c> before, <c>critical</c> when overdue.</param>
/// <param name="Message">What to say, without patient data.</param>
public sealed record DueReminder(string Key, Clock Clock, string Level, string Message);
