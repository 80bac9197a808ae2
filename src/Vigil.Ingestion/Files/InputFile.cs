using Vigil.Diagnostics;
using Vigil.Ingestion.Csv;
using Vigil.Ingestion.Evtx;
using Vigil.Ingestion.Gzip;
using Vigil.Ingestion.Json;
using Vigil.Ingestion.Text;

namespace Vigil.Ingestion.Files;

/// <summary>Opens a log file (decompressing gzip, found by its magic bytes) and picks the reader for its format.</summary>
internal static class InputFile
{
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
    public static IEventReader? ReaderFor(InputBuffer input, string path, IProblemSink problems)
    {
        var format = FormatSniffer.Detect(input, path);
        if (format is LogFormat.Empty or LogFormat.Unknown && input.FailureKind is { } kind)
        {
            Report(problems, path, kind, input.FailureReason);
            return null;
        }

        switch (format)
        {
            case LogFormat.JsonLines:
                return new JsonLinesReader(input, path, problems);
            case LogFormat.JsonStream:
                return new JsonStreamReader(input, path, problems);
            case LogFormat.Csv:
                return new CsvReader(input, path, problems);
            case LogFormat.Evtx:
                return new EvtxReader(input, path, problems);
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
