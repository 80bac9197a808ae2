using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Vigil.Vulnerabilities.Deadlines;

namespace Vigil.Cli.Vulns;

/// <summary>Writes findings as a table, JSON lines (one finding per line) or CSV.</summary>
internal static class FindingOutput
{
    private static readonly string[] CsvColumns =
    [
        "asset", "package", "version", "ecosystem", "advisory", "aliases", "fixed_version", "severity", "cvss", "kev", "kev_due_date",
        "ransomware", "epss", "epss_percentile", "priority", "first_seen", "due_date", "overdue", "exception",
    ];

    public static void Write(string format, IReadOnlyList<FindingStatus> findings, Stream output)
    {
        switch (format)
        {
            case "jsonl":
                foreach (var f in findings)
                {
                    WriteJson(output, f);
                }

                break;
            case "csv":
                WriteCsv(output, findings);
                break;
            default:
                WriteTable(output, findings);
                break;
        }
    }

    private static void WriteJson(Stream output, FindingStatus status)
    {
        var t = status.Tracked;
        var f = t.Finding;
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            FindingJson.WriteIdentity(json, f);
            json.WriteString("severity", f.Severity);
            WriteNumber(json, "cvss", f.Cvss);
            json.WriteBoolean("kev", f.Kev);
            json.WriteString("kev_due_date", Date(f.KevDueDate));
            json.WriteBoolean("ransomware", f.KnownRansomware);
            WriteNumber(json, "epss", f.Epss);
            WriteNumber(json, "epss_percentile", f.EpssPercentile);
            json.WriteNumber("priority", f.Priority);
            json.WriteString("first_seen", t.FirstSeen);
            json.WriteString("due_date", Date(t.DueDate));
            json.WriteBoolean("overdue", status.Overdue);
            if (status.Exemption is { } e)
            {
                json.WriteNumber("exception", e.Id);
            }
            else
            {
                json.WriteNull("exception");
            }

            json.WriteString("source", f.Source);
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    private static void WriteCsv(Stream output, IReadOnlyList<FindingStatus> findings)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', CsvColumns));
        foreach (var s in findings)
        {
            var f = s.Tracked.Finding;
            string?[] row =
            [
                f.Asset, f.Package, f.Version, f.Ecosystem, f.Advisory, string.Join(' ', f.Aliases), f.FixedVersion, f.Severity, Number(f.Cvss),
                Bool(f.Kev), Date(f.KevDueDate), Bool(f.KnownRansomware), Number(f.Epss), Number(f.EpssPercentile), Number(f.Priority),
                s.Tracked.FirstSeen.ToString("O", CultureInfo.InvariantCulture), Date(s.Tracked.DueDate), Bool(s.Overdue),
                s.Exemption?.Id.ToString(CultureInfo.InvariantCulture),
            ];
            writer.WriteLine(string.Join(',', row.Select(Csv)));
        }
    }

    private static void WriteTable(Stream output, IReadOnlyList<FindingStatus> findings)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true }) });
        var table = new Table().AddColumns("priority", "asset", "package", "version", "advisory", "fixed", "severity", "kev", "epss", "first seen", "due", "overdue");
        foreach (var s in findings)
        {
            var f = s.Tracked.Finding;
            table.AddRow(
                Number(f.Priority) ?? "", Markup.Escape(f.Asset), Markup.Escape(f.Package), Markup.Escape(f.Version), Markup.Escape(f.Advisory),
                Markup.Escape(f.FixedVersion ?? "-"), f.Severity, f.Kev ? (f.KnownRansomware ? "yes (ransomware)" : "yes") : "", Number(f.Epss) ?? "",
                s.Tracked.FirstSeen.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Date(s.Tracked.DueDate) ?? "-",
                s.Overdue ? (s.Exemption is null ? "OVERDUE" : "overdue (exception)") : "");
        }

        console.Write(table);
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>RFC 4180 quoting; a leading <c>= + - @</c> gets a quote so spreadsheets do not run it as a formula.</summary>
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
