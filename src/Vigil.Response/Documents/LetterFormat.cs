namespace Vigil.Response.Documents;

/// <summary>How letters are written.</summary>
public enum LetterFormat
{
    /// <summary>One DOCX per person.</summary>
    Docx,

    /// <summary>One PDF per person.</summary>
    Pdf,

    /// <summary>One CSV for mail merge: a row per person.</summary>
    Csv,
}
