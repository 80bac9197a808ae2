namespace Vigil.Discovery.Subjects;

/// <summary>One distinct value of a subject.</summary>
/// <param name="Type">Its type (<see cref="Recognition.PhiTypes"/>).</param>
/// <param name="Masked">Its masked form.</param>
/// <param name="Value">The value itself, only when the scan was asked to reveal values; otherwise null.</param>
public sealed record SubjectValue(string Type, string Masked, string? Value);
