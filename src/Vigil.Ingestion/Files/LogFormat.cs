namespace Vigil.Ingestion.Files;

/// <summary>The layout of a log file, decided from its first bytes.</summary>
internal enum LogFormat
{
    /// <summary>Neither JSON, CSV nor text.</summary>
    Unknown,

    /// <summary>Nothing but whitespace.</summary>
    Empty,

    /// <summary>One JSON value per line.</summary>
    JsonLines,

    /// <summary>A JSON array, or JSON values concatenated across lines.</summary>
    JsonStream,

    /// <summary>CSV with a header row.</summary>
    Csv,

    /// <summary>Plain UTF-8 text, one event per line.</summary>
    Text,

    /// <summary>A Windows event log file (magic <c>ElfFile\0</c>).</summary>
    Evtx,
}
