using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion.Files;
using Vigil.Ingestion.Sources;

namespace Vigil.Ingestion;

/// <summary>
/// Finds log files and reads their events: JSON (NDJSON, arrays, concatenated objects), CSV, plain text lines and
/// Windows event logs (EVTX), gzip or not.
/// </summary>
/// <remarks>
/// <para>
/// Bad input never throws: each problem goes to the <see cref="IProblemSink"/> with the file, a location
/// (<c>line N</c> or <c>object N</c>) and a reason that never quotes the record's content (it may hold patient
/// data), and reading carries on where it can. Kinds reported: <c>unreadable</c>, <c>unknown-format</c>,
/// <c>truncated</c>, <c>corrupt</c>, <c>invalid-json</c>, <c>invalid-utf8</c>, <c>line-too-long</c>,
/// <c>value-too-long</c>, <c>invalid-csv</c>, and for EVTX <c>corrupt-chunk</c> and <c>corrupt-record</c> (located as
/// <c>chunk N</c>, <c>chunk N record ID</c>).
/// </para>
/// <para>
/// Memory is bounded whatever the file: NDJSON and text lines and CSV rows over 1 MiB are skipped as they stream
/// past, and a JSON array or concatenated file is read token by token (one token up to 16 MiB).
/// </para>
/// <para>
/// Methods are thread-safe; each enumeration of <see cref="Read(string, IProblemSink)"/> opens the file anew and must be disposed (a
/// <c>foreach</c> does it) to close it. Known gap: a named pipe (FIFO) with no writer blocks on open.
/// </para>
/// </remarks>
public static class LogFiles
{
    /// <summary>The files named by <paramref name="inputs"/>: files as given, folders searched recursively.</summary>
    /// <param name="inputs">Paths of files or folders.</param>
    /// <param name="problems">
    /// Receives an <c>unreadable</c> problem for each missing path, unreadable file and folder that cannot be listed;
    /// those are skipped.
    /// </param>
    /// <returns>
    /// The paths in the order of <paramref name="inputs"/>; the files of a folder sorted by ordinal path, so runs are
    /// repeatable. Hidden files are included; links to folders are not followed (they can loop), links to files are.
    /// Lazy: paths are checked as the result is enumerated.
    /// </returns>
    public static IEnumerable<string> Expand(IEnumerable<string> inputs, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(problems);
        return InputPaths.Expand(inputs, problems);
    }

    /// <summary>Streams the events of one file.</summary>
    /// <param name="path">The file; it becomes each event's <see cref="LogEvent.Source"/>.</param>
    /// <param name="problems">Receives the problems met; see the class remarks.</param>
    /// <returns>
    /// <para>
    /// The events in file order, lazily. Gzip is decompressed when the file starts with its magic bytes (1f 8b),
    /// whatever its name; a truncated or corrupt gzip gives a problem after the events read before it.
    /// </para>
    /// <para>
    /// The format comes from the content: the magic <c>ElfFile\0</c> is EVTX, read natively with the same field names
    /// and values as its JSON render (see <see cref="Evtx.EvtxReader"/>), <see cref="LogEvent.Record"/> being the
    /// EventRecordID; a first non-blank <c>{</c> or <c>[</c> is JSON, a <c>.csv</c> name or a
    /// header-like first line is CSV; otherwise content whose first 64 KiB are UTF-8 text (no NUL byte, at most 5% other
    /// control characters than tab, CR and LF) is plain text, one event per non-blank line with the line in the single
    /// field <c>message</c> and no timestamp. Anything else (binary data, UTF-16) is one <c>unknown-format</c> problem
    /// and no events. <see cref="LogEvent.Record"/> is the 1-based line (NDJSON, CSV, text) or object index (array,
    /// concatenated objects). Windows events in the evtx JSON layout get Sigma field names (see <see cref="WindowsEventFields"/>)
    /// and their <c>SystemTime</c> as <see cref="LogEvent.Timestamp"/>; other events take their time from the first
    /// of <c>@timestamp</c>, <c>timestamp</c>, <c>TimeCreated</c>, <c>time</c>, <c>CreationTime</c>,
    /// <c>createdDateTime</c>, <c>TimeGenerated</c>, <c>date</c> that parses (ISO 8601 or Unix epoch), else null.
    /// </para>
    /// <para>
    /// Logs of a recognised source type get their own reader, fields, time and <see cref="LogEvent.SourceType"/>
    /// (see <see cref="SourceTypes.Recognise(ReadOnlySpan{byte})"/> and docs/sources.md): IIS and Exchange W3C logs,
    /// syslog files (the whole line stays in <c>message</c>), M365 audit exports and Entra sign-ins (CSV or JSON).
    /// </para>
    /// </returns>
    public static IEnumerable<LogEvent> Read(string path, IProblemSink problems) => Read(path, problems, sourceType: null);

    /// <summary>Streams the events of one file, as <see cref="Read(string, IProblemSink)"/>, of a declared source type.</summary>
    /// <param name="path">The file; it becomes each event's <see cref="LogEvent.Source"/>.</param>
    /// <param name="problems">Receives the problems met; see the class remarks.</param>
    /// <param name="sourceType">
    /// One of <see cref="SourceTypes.All"/> to read the file as that kind whatever its content looks like, or null to
    /// recognise it (see <see cref="SourceTypes.Recognise(ReadOnlySpan{byte})"/>). IIS, Exchange and syslog files get
    /// their own readers and fields (see docs/sources.md); JSON and CSV records are shaped by
    /// <see cref="SourceTypes.Shape"/>.
    /// </param>
    /// <returns>The events in file order, lazily, each with its <see cref="LogEvent.SourceType"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="sourceType"/> is not a known name.</exception>
    public static IEnumerable<LogEvent> Read(string path, IProblemSink problems, string? sourceType)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(problems);
        if (sourceType is not null && !SourceTypes.IsKnown(sourceType))
        {
            throw new ArgumentException($"Unknown source type '{sourceType}'; known: {string.Join(", ", SourceTypes.All)}.", nameof(sourceType));
        }

        return ReadEvents(path, problems, sourceType);
    }

    private static IEnumerable<LogEvent> ReadEvents(string path, IProblemSink problems, string? sourceType)
    {
        using var input = InputFile.Open(path, problems);
        if (input is null)
        {
            yield break;
        }

        var reader = InputFile.ReaderFor(input, path, problems, sourceType);
        if (reader is null)
        {
            yield break;
        }

        while (reader.TryRead(out var logEvent))
        {
            yield return logEvent;
        }
    }
}
