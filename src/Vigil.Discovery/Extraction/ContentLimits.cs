namespace Vigil.Discovery.Extraction;

/// <summary>The bounds <see cref="ContentReader"/> keeps to, so that a hostile mailbox cannot exhaust memory or time.</summary>
/// <param name="MaxPartBytes">
/// Largest decoded attachment, MIME part, ZIP entry or stand-alone document read into memory. A larger text part is
/// read up to this size (truncation reported); a larger binary document (PDF, DOCX, XLSX, ZIP) is skipped and reported.
/// </param>
/// <param name="MaxZipDepth">How many ZIP archives deep entries are opened (1 = entries of a top-level ZIP only).</param>
/// <param name="MaxZipExpansionRatio">
/// Largest uncompressed/compressed size ratio of one ZIP entry (or of a gzip file); a higher one is reported as a
/// suspected ZIP bomb and not expanded. Checked on the declared sizes and again while decompressing.
/// </param>
/// <param name="MaxZipTotalBytes">Most bytes expanded from one archive, nested archives included.</param>
/// <param name="MaxZipEntries">Most entries read from one archive; the rest are reported and skipped.</param>
/// <param name="MaxTextCharsPerItem">Most characters of text kept per item (all parts together); the rest is reported.</param>
/// <param name="MaxPdfPages">Most pages read from one PDF; the rest are reported.</param>
/// <param name="MaxMessageDepth">How deep forwarded messages (message/rfc822 inside a message) are followed.</param>
public sealed record ContentLimits(
    long MaxPartBytes,
    int MaxZipDepth,
    int MaxZipExpansionRatio,
    long MaxZipTotalBytes,
    int MaxZipEntries,
    int MaxTextCharsPerItem,
    int MaxPdfPages,
    int MaxMessageDepth)
{
    /// <summary>
    /// Where decompressed gzip mailboxes and <c>readpst</c>'s exports are spooled while they are read (private files,
    /// deleted afterwards); null: the system's temporary folder. Evidence scans point it into the data folder.
    /// </summary>
    public string? TempFolder { get; init; }

    /// <summary>
    /// 64 MiB per part, ZIPs 3 deep, ratio 100, 512 MiB expanded per archive, 10,000 entries, 4 Mi characters of
    /// text per item, 500 PDF pages, forwarded messages 8 deep.
    /// </summary>
    public static ContentLimits Default { get; } = new(
        MaxPartBytes: 64L * 1024 * 1024,
        MaxZipDepth: 3,
        MaxZipExpansionRatio: 100,
        MaxZipTotalBytes: 512L * 1024 * 1024,
        MaxZipEntries: 10_000,
        MaxTextCharsPerItem: 4 * 1024 * 1024,
        MaxPdfPages: 500,
        MaxMessageDepth: 8);
}
