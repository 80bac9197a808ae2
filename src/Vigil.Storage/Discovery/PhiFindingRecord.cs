namespace Vigil.Storage.Discovery;

/// <summary>One finding as stored: masked, with where it is in its part (never the value).</summary>
/// <param name="Type">Its type (<c>UK_NHS</c>, <c>DATE_OF_BIRTH</c>...).</param>
/// <param name="Category"><c>identity</c>, <c>contact</c> or <c>health</c>.</param>
/// <param name="Part">The part (<c>headers:From</c>, <c>body</c>, <c>attachment[1]:*.pdf</c>; file names masked).</param>
/// <param name="Masked">The masked value.</param>
/// <param name="Start">Offset of its first character in the part's text.</param>
/// <param name="Length">Its length in characters.</param>
/// <param name="Confidence">0..1.</param>
public sealed record PhiFindingRecord(string Type, string Category, string Part, string Masked, int Start, int Length, double Confidence);
