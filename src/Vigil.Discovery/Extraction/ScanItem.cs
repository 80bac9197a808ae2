namespace Vigil.Discovery.Extraction;

/// <summary>One message or one document, as text, ready for the recognisers.</summary>
/// <param name="Id">
/// A stable id that carries no patient data: the path (plus <c>#n</c>, the 1-based message number, inside an mbox) and,
/// for a message, a SHA-256 prefix of its Message-ID, so reports and logs can name it without quoting it.
/// </param>
/// <param name="Kind">Message or document.</param>
/// <param name="Location">The file it came from.</param>
/// <param name="Parts">Its text, one part per header block, body or attachment (nested attachments included).</param>
public sealed record ScanItem(string Id, ScanItemKind Kind, string Location, IReadOnlyList<TextPart> Parts);
