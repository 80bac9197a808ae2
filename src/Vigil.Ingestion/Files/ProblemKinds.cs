namespace Vigil.Ingestion.Files;

/// <summary>The <see cref="Diagnostics.InputProblem.Kind"/> values reported by the readers of this module.</summary>
internal static class ProblemKinds
{
    /// <summary>A path that is missing, or a file or folder that cannot be opened or read.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Content that is neither JSON, CSV nor text (binary data, or text in an encoding other than UTF-8).</summary>
    public const string UnknownFormat = "unknown-format";

    /// <summary>Input that ends inside a record or inside compressed data.</summary>
    public const string Truncated = "truncated";

    /// <summary>Compressed data that does not decompress or fails its checksum.</summary>
    public const string Corrupt = "corrupt";

    /// <summary>A JSON line or value that does not parse, or is not an object.</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>A line or record whose bytes are not valid UTF-8.</summary>
    public const string InvalidUtf8 = "invalid-utf8";

    /// <summary>A line or record longer than the reader's bound.</summary>
    public const string LineTooLong = "line-too-long";

    /// <summary>A CSV row that does not fit its header or breaks the quoting rules.</summary>
    public const string InvalidCsv = "invalid-csv";

    /// <summary>A W3C log row (IIS, Exchange) whose field count does not match its <c>#Fields</c> line.</summary>
    public const string InvalidRecord = "invalid-record";

    /// <summary>A single JSON token (usually a string) larger than the reader's bound.</summary>
    public const string ValueTooLong = "value-too-long";

    /// <summary>An EVTX chunk that fails its magic or CRC32 checks; its records are skipped.</summary>
    public const string CorruptChunk = "corrupt-chunk";

    /// <summary>An EVTX record whose header, size or binary XML is malformed; the record is skipped.</summary>
    public const string CorruptRecord = "corrupt-record";
}
