using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Vulnerabilities.Feeds.Formats;

namespace Vigil.Vulnerabilities.Feeds;

/// <summary>Reads CISA's Known Exploited Vulnerabilities catalogue, as JSON (streamed) or as CSV.</summary>
internal static partial class KevReader
{
    private static readonly string[] Required = ["cveID", "vendorProject", "product", "vulnerabilityName", "dateAdded", "dueDate"];

    public static void ReadJson(string file, FeedSink sink, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(file);
        var error = JsonArrayStreamer.ForEach(
            stream,
            "vulnerabilities",
            (item, index) => Add(file, $"vulnerabilities[{index}]", name => JsonValues.String(item, name), sink),
            cancellationToken);
        if (error is not null)
        {
            sink.Problem(file, "vulnerabilities", error);
        }
    }

    public static void ReadCsv(string file, TextReader text, FeedSink sink, CancellationToken cancellationToken)
    {
        var csv = new CsvRecordReader(text);
        var header = csv.Next() ?? [];
        var columns = header.Select((name, index) => (name, index)).ToDictionary(c => c.name.Trim(), c => c.index, StringComparer.Ordinal);
        while (csv.Next() is { } row)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = $"line {csv.RecordLine}";
            if (csv.Error is not null || row.Count != header.Count)
            {
                sink.Problem(file, item, csv.Error ?? $"{row.Count} fields where the header has {header.Count}");
                continue;
            }

            Add(file, item, name => columns.TryGetValue(name, out var i) ? row[i] : null, sink);
        }
    }

    private static void Add(string file, string item, Func<string, string?> field, FeedSink sink)
    {
        var missing = Required.FirstOrDefault(name => string.IsNullOrWhiteSpace(field(name)));
        if (missing is not null)
        {
            sink.Problem(file, item, $"no {missing}");
            return;
        }

        var cve = field("cveID")!.Trim();
        if (!CveId().IsMatch(cve))
        {
            sink.Problem(file, item, "cveID is not a CVE id");
            return;
        }

        if (!TryDate(field("dateAdded"), out var added) || !TryDate(field("dueDate"), out var due))
        {
            sink.Problem(file, $"{item} ({cve})", "dateAdded or dueDate is not a YYYY-MM-DD date");
            return;
        }

        var ransomware = string.Equals(field("knownRansomwareCampaignUse")?.Trim(), "Known", StringComparison.OrdinalIgnoreCase);
        sink.Kev.Add(new KevEntry(cve, field("vendorProject")!, field("product")!, field("vulnerabilityName")!, added, due, ransomware));
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    [GeneratedRegex("^CVE-[0-9]{4}-[0-9]{4,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex CveId();
}
