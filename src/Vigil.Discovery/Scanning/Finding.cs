using Vigil.Discovery.Recognition;

namespace Vigil.Discovery.Scanning;

/// <summary>One recognised identifier or health fact in one part of an item.</summary>
/// <param name="Type">One of <see cref="PhiTypes"/>.</param>
/// <param name="Category">Identity, contact or health.</param>
/// <param name="Part">
/// The part it was found in (<see cref="Extraction.TextPart.Name"/>); in the header block, the header too
/// (<c>headers:From</c>, <c>headers:Subject</c>).
/// </param>
/// <param name="Value">The text found; null unless the scan was asked to keep values (reveal or subject linking).</param>
/// <param name="Masked">The value with most of it hidden (<see cref="PhiMask"/>): what reports show by default.</param>
/// <param name="Confidence">0..1, from the recogniser.</param>
/// <param name="Evidence">Why, without the value (checksum, context words, dictionary).</param>
/// <param name="Position">Where in the part: offset, line and paragraph, for grouping findings into people.</param>
public sealed record Finding(
    string Type,
    PhiCategory Category,
    string Part,
    string? Value,
    string Masked,
    double Confidence,
    string Evidence,
    FindingPosition Position);
