namespace Vigil.Discovery.Extraction;

/// <summary>What a <see cref="ScanItem"/> is.</summary>
public enum ScanItemKind
{
    /// <summary>An e-mail message (EML, one message of an mbox, a Maildir file, a message from a PST).</summary>
    Message,

    /// <summary>A document on its own (PDF, DOCX, XLSX, CSV, text, HTML, one entry of a ZIP).</summary>
    Document,
}
