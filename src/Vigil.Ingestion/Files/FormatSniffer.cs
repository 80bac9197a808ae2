using System.Text.Json;
using Vigil.Ingestion.Csv;
using Vigil.Ingestion.Evtx;
using Vigil.Ingestion.Json;
using Vigil.Ingestion.Text;

namespace Vigil.Ingestion.Files;

/// <summary>Decides the format of a file from its first bytes (after decompression), and its name for CSV.</summary>
/// <remarks>
/// The magic <c>ElfFile\0</c>: a Windows event log (EVTX). First non-whitespace byte <c>[</c>: a JSON array. <c>{</c>: NDJSON when the first line holds a whole value (or a
/// broken record, so that per-line recovery applies), else concatenated pretty-printed values. Otherwise CSV when the name
/// ends in <c>.csv</c> (or <c>.csv.gz</c>) or the first line looks like a header. Otherwise plain text when the sniff
/// window reads as text (see <see cref="PlainText"/>). Anything else is unknown. A UTF-8 byte order mark is skipped.
/// </remarks>
internal static class FormatSniffer
{
    private const int SniffBytes = 64 * 1024;

    /// <summary>Reads the start of <paramref name="input"/> and says how to read it; consumes only a byte order mark.</summary>
    public static LogFormat Detect(InputBuffer input, string path)
    {
        input.FillTo(SniffBytes);
        if (input.Data.StartsWith(EvtxReader.FileMagic))
        {
            return LogFormat.Evtx;
        }

        if (input.Data.StartsWith("\uFEFF"u8))
        {
            input.Advance(3);
        }

        var first = input.Data.IndexOfAnyExcept(" \t\r\n"u8);
        while (first < 0 && !input.Ended)
        {
            // More blank bytes than the sniff window: dropping them shifts NDJSON line numbers, a price worth
            // bounded memory for files that do not occur in practice.
            input.Advance(input.Length);
            input.Fill();
            first = input.Data.IndexOfAnyExcept(" \t\r\n"u8);
        }

        if (first < 0)
        {
            return LogFormat.Empty;
        }

        return input.Data[first] switch
        {
            (byte)'[' => StartsJsonArray(input, first) || !LooksLikeText(input) ? LogFormat.JsonStream : LogFormat.Text,
            (byte)'{' => LooksLikeJsonLines(input, first) ? LogFormat.JsonLines : LogFormat.JsonStream,
            _ when IsCsvName(path) || LooksLikeCsv(input, first) => LogFormat.Csv,
            _ => LooksLikeText(input) ? LogFormat.Text : LogFormat.Unknown,
        };
    }

    private static bool LooksLikeText(InputBuffer input)
    {
        // A window that stops short of the content's end, or ends by a read failure, may cut its last character.
        var isWhole = input.Ended && input.FailureKind is null && input.Length <= SniffBytes;
        return PlainText.LooksLikeText(input.Data[..Math.Min(input.Length, SniffBytes)], isWhole);
    }

    // A JSON array's first tokens parse; a text log that starts with '[' (Apache's error log: "[Mon Nov 28 ...]")
    // fails at once. A window that ends inside a valid first value counts as JSON.
    private static bool StartsJsonArray(InputBuffer input, int first)
    {
        var reader = new Utf8JsonReader(input.Data[first..Math.Min(input.Length, SniffBytes)], isFinalBlock: false, default);
        try
        {
            return reader.Read() && (!reader.Read() || reader.TokenType is not JsonTokenType.None);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsCsvName(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
    }

    private static bool LooksLikeCsv(InputBuffer input, int first)
    {
        var line = input.Data[first..];
        var newline = line.IndexOf((byte)'\n');
        if (line.StartsWith("#TYPE "u8) && newline >= 0)
        {
            // Windows PowerShell's Export-Csv writes a type line before the header.
            line = line[(newline + 1)..];
            newline = line.IndexOf((byte)'\n');
        }

        return (newline >= 0 || input.Ended) && CsvHeader.LooksLikeHeader(newline >= 0 ? line[..newline] : line);
    }

    // NDJSON when the first line holds a whole value, or a broken one (per-line recovery then applies), or is cut
    // short with the next line starting a new object. A first line that opens a value continued on the next lines
    // is pretty-printed JSON, and so is a first line too long to be an NDJSON record.
    private static bool LooksLikeJsonLines(InputBuffer input, int first)
    {
        var newline = IndexOfFrom(input, first, (byte)'\n');
        if (newline < 0 && !input.Ended)
        {
            return false;
        }

        var line = newline < 0 ? input.Data[first..] : input.Data[first..newline];
        var options = new JsonReaderOptions { AllowMultipleValues = true };
        var reader = new Utf8JsonReader(line, isFinalBlock: false, new JsonReaderState(options));
        try
        {
            if (reader.Read() && reader.TrySkip())
            {
                return true;
            }
        }
        catch (JsonException)
        {
            return true;
        }

        if (newline < 0)
        {
            return false;
        }

        var next = IndexOfAnyExceptFrom(input, newline + 1);
        return next >= 0 && input.Data[next] == '{';
    }

    private static int IndexOfFrom(InputBuffer input, int start, byte value)
    {
        int found;
        while ((found = input.Data[start..].IndexOf(value)) < 0 && !input.Ended && input.Length <= InputLines.MaxLineBytes)
        {
            input.Fill();
        }

        return found < 0 ? -1 : start + found;
    }

    private static int IndexOfAnyExceptFrom(InputBuffer input, int start)
    {
        int found;
        while ((found = input.Data[start..].IndexOfAnyExcept(" \t\r\n"u8)) < 0 && !input.Ended
            && input.Length <= 2 * InputLines.MaxLineBytes)
        {
            input.Fill();
        }

        return found < 0 ? -1 : start + found;
    }
}
