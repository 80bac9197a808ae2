namespace Vigil.Discovery.Scanning;

/// <summary>Where a finding sits in its part, without its text.</summary>
/// <param name="Start">Offset of its first character in the part.</param>
/// <param name="Length">Its length in characters.</param>
/// <param name="Line">0-based line of the part it starts on.</param>
/// <param name="Paragraph">0-based paragraph (lines separated by a blank line) of the part it starts on.</param>
public readonly record struct FindingPosition(int Start, int Length, int Line, int Paragraph);
