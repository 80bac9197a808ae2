namespace Vigil.Vulnerabilities.Deadlines;

/// <summary>An open finding as of one moment: overdue or not, and the exemption covering it, if any.</summary>
public sealed record FindingStatus(TrackedFinding Tracked, bool Overdue, Exemption? Exemption);
