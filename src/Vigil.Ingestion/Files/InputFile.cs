using Vigil.Diagnostics;
using Vigil.Ingestion.Csv;
using Vigil.Ingestion.Evtx;
using Vigil.Ingestion.Gzip;
using Vigil.Ingestion.Json;
using Vigil.Ingestion.Sources;
using Vigil.Ingestion.Text;

namespace Vigil.Ingestion.Files;

/// <summary>Opens a log file (decompressing gzip, found by its magic bytes) and picks the reader for its format.</summary>
internal static class InputFile
{
    private const int SniffBytes = 64 * 1024;

    /// <summary>Opens <paramref name="path"/>; null after reporting when it cannot be opened or read.</summary>
    public static InputBuffer? Open(string path, IProblemSink problems)
    {
        if (Directory.Exists(path))
        {
            Report(problems, path, ProblemKinds.Unreadable, "is a folder, not a file");
            return null;
        }

        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Report(problems, path, ProblemKinds.Unreadable, InputPaths.WhyUnreadable(path, e));
            return null;
        }

        try
        {
            if (IsGzip(stream))
            {
                stream = new GzipInput(stream);
            }
        }
        catch (IOException e)
        {
            stream.Dispose();
            Report(problems, path, ProblemKinds.Unreadable, "reading failed: " + e.Message);
            return null;
        }

        return new InputBuffer(stream, JsonStreamReader.MaxTokenBytes);
    }

    /// <summary>The reader for the content of <paramref name="input"/>, or null after reporting why there is none.</summary>
    /// <param name="input">The opened input.</param>
    /// <param name="path">The file, for problems and the sniffer.</param>
    /// <param name="problems">Receives the problems.</param>
    /// <param name="declared">A source type to force (see <see cref="SourceTypes"/>), or null to recognise it from the content.</param>
    public static IEventReader? ReaderFor(InputBuffer input, string path, IProblemSink problems, string? declared = null)
    {
        var format = FormatSniffer.Detect(input, path);
        if (format is LogFormat.Empty or LogFormat.Unknown && input.FailureKind is { } kind)
        {
            Report(problems, path, kind, input.FailureReason);
            return null;
        }

        if (format is LogFormat.Text or LogFormat.Csv && SourceReader(input, path, problems, format, declared) is { } sourceReader)
        {
            return sourceReader;
        }

        switch (format)
        {
            case LogFormat.JsonLines:
                return new ShapingReader(new JsonLinesReader(input, path, problems), declared, SourceTypes.Json);
            case LogFormat.JsonStream:
                return new ShapingReader(new JsonStreamReader(input, path, problems), declared, SourceTypes.Json);
            case LogFormat.Csv:
                return new ShapingReader(new CsvReader(input, path, problems), declared, "");
            case LogFormat.Evtx:
                return new ShapingReader(new EvtxReader(input, path, problems), declared ?? SourceTypes.Windows, "");
            case LogFormat.Text:
                return new TextLinesReader(input, path, problems);
            case LogFormat.Unknown:
                Report(problems, path, ProblemKinds.UnknownFormat,
                    "the content is neither JSON (an object, NDJSON or an array), CSV with a header nor UTF-8 text; the file was skipped");
                return null;
            default:
                return null;
        }
    }

    // A reader for text or CSV content of a recognised (or declared) source type; null for plain text and CSV.
    private static IEventReader? SourceReader(InputBuffer input, string path, IProblemSink problems, LogFormat format, string? declared)
    {
        var type = declared ?? SourceTypes.Recognise(input.Data[..Math.Min(input.Length, SniffBytes)]);
        var directives = input.Data.TrimStart("\uFEFF \t\r\n"u8).StartsWith("#"u8);
        switch (type)
        {
            case SourceTypes.Iis:
                return new W3cReader(input, path, problems, type);
            case SourceTypes.ExchangeTracking or SourceTypes.ExchangeHttpProxy when directives || format == LogFormat.Text:
                return new W3cReader(input, path, problems, type);
            case SourceTypes.ExchangeHttpProxy:
                return new ShapingReader(new CsvReader(input, path, problems), SourceTypes.ExchangeHttpProxy, "");
            case SourceTypes.Syslog or SourceTypes.Postfix or SourceTypes.Dovecot:
                return new SyslogLinesReader(input, path, problems, LastWrite(path));
            case SourceTypes.M365Audit or SourceTypes.EntraSignIn when format == LogFormat.Csv:
                return new ShapingReader(new CsvReader(input, path, problems), type, "");
            default:
                return null;
        }
    }

    private static DateTimeOffset LastWrite(string path)
    {
        try
        {
            return new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return DateTimeOffset.UnixEpoch;
        }
    }

    private static bool IsGzip(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }

        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    private static void Report(IProblemSink problems, string path, string kind, string reason) =>
        problems.Report(new InputProblem(path, "", kind, reason));
}
