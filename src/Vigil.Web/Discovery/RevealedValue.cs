namespace Vigil.Web.Discovery;

/// <summary>One value of an item, read again from its source file for a privacy officer; never stored.</summary>
/// <param name="Type">Its type.</param>
/// <param name="Part">The part (file names masked).</param>
/// <param name="Masked">Its masked form.</param>
/// <param name="Value">The value.</param>
/// <param name="Start">Offset in the part.</param>
/// <param name="Length">Length.</param>
/// <param name="Stored">Whether the stored scan has a finding at the same place (false: the file changed since the scan).</param>
internal sealed record RevealedValue(string Type, string Part, string Masked, string Value, int Start, int Length, bool Stored);
