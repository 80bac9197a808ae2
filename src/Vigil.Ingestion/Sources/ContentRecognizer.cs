using System.Text;
using System.Text.Unicode;
using Vigil.Ingestion.Csv;

namespace Vigil.Ingestion.Sources;

/// <summary>Tells the source type of a text or CSV file from its first lines.</summary>
internal static class ContentRecognizer
{
    private const int MaxLines = 20;

    private static readonly DateTimeOffset Probe = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Recognise(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith("\uFEFF"u8))
        {
            start = start[3..];
        }

        var directives = new StringBuilder();
        var data = new List<string>();
        foreach (var range in start.Split((byte)'\n'))
        {
            var raw = start[range];
            if (range.End.Value == start.Length && data.Count + directives.Length > 0)
            {
                break; // the last piece may be cut short
            }

            var line = raw.TrimEnd("\r"u8);
            if (line.IndexOfAnyExcept(" \t"u8) < 0)
            {
                continue;
            }

            if (!Utf8.IsValid(line) || data.Count >= MaxLines)
            {
                break;
            }

            var text = Encoding.UTF8.GetString(line);
            if (text.StartsWith("#Software:", StringComparison.Ordinal) || text.StartsWith("#Fields:", StringComparison.Ordinal)
                || text.StartsWith("#Log-type:", StringComparison.Ordinal))
            {
                directives.AppendLine(text);
            }
            else if (!text.StartsWith('#'))
            {
                data.Add(text);
            }
        }

        return FromDirectives(directives.ToString()) ?? FromData(data);
    }

    private static string? FromDirectives(string text) =>
        text.Length == 0 ? null
        : text.Contains("HttpProxy", StringComparison.OrdinalIgnoreCase) || text.Contains("#Fields: DateTime,RequestId", StringComparison.Ordinal)
            ? SourceTypes.ExchangeHttpProxy
        : text.Contains("Message Tracking", StringComparison.OrdinalIgnoreCase) || text.Contains("#Fields: date-time,", StringComparison.Ordinal)
            ? SourceTypes.ExchangeTracking
        : text.Contains("Internet Information Services", StringComparison.Ordinal) || text.Contains("#Fields: date time ", StringComparison.Ordinal)
            ? SourceTypes.Iis
        : null;

    private static string FromData(List<string> lines)
    {
        if (lines.Count == 0)
        {
            return "";
        }

        var first = lines[0];
        if (CsvHeader.LooksLikeHeader(Encoding.UTF8.GetBytes(first)))
        {
            return FromHeader(first);
        }

        if (IsIisRow(first))
        {
            return SourceTypes.Iis;
        }

        if (IsTrackingRow(first))
        {
            return SourceTypes.ExchangeTracking;
        }

        var parsed = lines.Count(l => SyslogParser.Parse(l.AsSpan(), Probe).Success);
        return parsed * 2 > lines.Count ? SourceTypes.Syslog : "";
    }

    private static string FromHeader(string header)
    {
        bool Has(string name) => header.Contains(name, StringComparison.Ordinal);
        return Has("AuditData") || (Has("OfficeWorkload") && Has("Operation")) ? SourceTypes.M365Audit
            : Has("AnchorMailbox") || (Has("UrlStem") && Has("RequestId")) ? SourceTypes.ExchangeHttpProxy
            : Has("UserPrincipalName") && Has("ResultType") ? SourceTypes.EntraSignIn
            : "";
    }

    // "yyyy-MM-dd HH:mm:ss " then at least 12 more space-separated fields.
    private static bool IsIisRow(string line) =>
        line.Length > 20 && IsDate(line) && line[10] == ' ' && line[13] == ':' && line[16] == ':' && line[19] == ' '
        && line.AsSpan().Count(' ') >= 13;

    // "yyyy-MM-ddTHH:mm:ss.fffZ," then CSV.
    private static bool IsTrackingRow(string line)
    {
        var comma = line.IndexOf(',', StringComparison.Ordinal);
        return comma >= 20 && IsDate(line) && line[10] == 'T' && line[comma - 1] == 'Z' && line.AsSpan().Count(',') >= 25;
    }

    private static bool IsDate(string line) =>
        char.IsAsciiDigit(line[0]) && char.IsAsciiDigit(line[3]) && line[4] == '-' && line[7] == '-' && char.IsAsciiDigit(line[9]);
}
