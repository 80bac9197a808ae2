namespace Vigil.Response.Documents;

/// <summary>
/// The TrueType fonts PDFs are written with, so that names such as "Siân Öztürk" print as written. Looked for in
/// <c>VIGIL_PDF_FONT</c> (a regular .ttf; a <c>-Bold.ttf</c> beside it is used for headings), then Debian's
/// fonts-dejavu-core (<see cref="DejaVuSans"/>). Without one, PDFs fall back to Helvetica (a standard 14 font:
/// letters lose their accents) and <see cref="Note"/> says so.
/// </summary>
public sealed class PdfFonts
{
    /// <summary>Where Debian's fonts-dejavu-core puts its sans-serif font.</summary>
    public const string DejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private static readonly Lazy<PdfFonts> Found = new(static () => Load(Environment.GetEnvironmentVariable("VIGIL_PDF_FONT") is { Length: > 0 } given ? given : DejaVuSans));

    private PdfFonts(byte[]? regular, byte[]? bold, string? note)
    {
        Regular = regular;
        Bold = bold ?? regular;
        Note = note;
    }

    /// <summary>The fonts found on this machine (looked for once).</summary>
    public static PdfFonts Default => Found.Value;

    /// <summary>No TrueType font: Helvetica, accents dropped.</summary>
    public static PdfFonts None { get; } = new(null, null, "No TrueType font given: PDFs use Helvetica and letters lose their accents (Siân is written Sian).");

    /// <summary>The regular font's bytes, or null for Helvetica.</summary>
    public byte[]? Regular { get; }

    /// <summary>The bold font's bytes (the regular one when no bold file was found), or null for Helvetica.</summary>
    public byte[]? Bold { get; }

    /// <summary>Why PDFs cannot print every name as written (to show people), or null when they can.</summary>
    public string? Note { get; }

    /// <summary>Loads <paramref name="regularPath"/> and the <c>-Bold</c> file beside it; <see cref="None"/> with a note naming the path when it is missing.</summary>
    public static PdfFonts Load(string regularPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(regularPath);
        if (!File.Exists(regularPath))
        {
            return new PdfFonts(null, null, $"{regularPath} is missing: PDFs use Helvetica and letters lose their accents (Siân is written Sian). Install Debian's fonts-dejavu-core or set VIGIL_PDF_FONT to a TrueType font.");
        }

        var bold = Path.Combine(Path.GetDirectoryName(regularPath) ?? ".", Path.GetFileNameWithoutExtension(regularPath) + "-Bold" + Path.GetExtension(regularPath));
        return new PdfFonts(File.ReadAllBytes(regularPath), File.Exists(bold) ? File.ReadAllBytes(bold) : null, null);
    }
}
