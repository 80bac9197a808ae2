using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Vulnerabilities.Feeds.Formats;

namespace Vigil.Vulnerabilities.Feeds;

/// <summary>
/// Reads EPSS scores: FIRST's daily CSV (<c>#model_version:…,score_date:…</c> comment line, then <c>cve,epss,percentile</c>)
/// or a per-CVE time series (<c>date,model,epss,percentile</c>, the CVE named by the file name).
/// </summary>
/// <remarks>Streams line by line. Rows without a percentile (EPSS v1, before 2021-09-01) are kept with none.</remarks>
internal static partial class EpssReader
{
    public static void Read(string file, TextReader text, FeedSink sink, CancellationToken cancellationToken)
    {
        var csv = new CsvRecordReader(text);
        DateOnly? scoreDate = null;
        List<string>? header = null;
        string? seriesCve = null;
        while (csv.Next() is { } row)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = $"line {csv.RecordLine}";
            if (row is [var only] && only.Length == 0)
            {
                continue;
            }

            if (row[0].StartsWith('#'))
            {
                scoreDate = ScoreDate(row) ?? scoreDate;
                continue;
            }

            if (header is null)
            {
                header = row;
                if (row is ["date", "model", "epss", ..])
                {
                    seriesCve = CveInName().Match(Path.GetFileName(file)) is { Success: true } m ? m.Value : null;
                    if (seriesCve is null)
                    {
                        sink.Problem(file, "file", "an EPSS time series whose file name names no CVE");
                        return;
                    }
                }
                else if (row is not ["cve", "epss", "percentile", ..])
                {
                    sink.Problem(file, item, "the header is neither cve,epss,percentile nor date,model,epss,percentile");
                    return;
                }

                continue;
            }

            var score = seriesCve is null ? Daily(row, scoreDate, out var reason) : Series(row, seriesCve, out reason);
            if (score is null)
            {
                sink.Problem(file, item, reason!);
            }
            else
            {
                sink.Epss.Add(score);
            }
        }
    }

    private static EpssScore? Daily(List<string> row, DateOnly? date, out string? reason)
    {
        reason = row.Count < 3 ? "fewer than 3 fields" : null;
        if (reason is null && !row[0].StartsWith("CVE-", StringComparison.Ordinal))
        {
            reason = "the first field is not a CVE id";
        }

        return reason is null ? Score(row[0], row[1], row[2], date, out reason) : null;
    }

    private static EpssScore? Series(List<string> row, string cve, out string? reason)
    {
        reason = null;
        if (row.Count < 3)
        {
            reason = "fewer than 3 fields";
            return null;
        }

        if (!DateOnly.TryParseExact(row[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            reason = "the date is not YYYY-MM-DD";
            return null;
        }

        // EPSS v1 rows (before 2021-09-01) were published without a percentile: kept, with none.
        return Score(cve, row[2], row.Count > 3 && row[3].Length > 0 ? row[3] : null, date, out reason);
    }

    private static EpssScore? Score(string cve, string epss, string? percentile, DateOnly? date, out string? reason)
    {
        reason = null;
        double rank = 0;
        if (!Probability(epss, out var score) || (percentile is not null && !Probability(percentile, out rank)))
        {
            reason = "epss or percentile is not a number between 0 and 1";
            return null;
        }

        return new EpssScore(cve, score, percentile is null ? null : rank, date);
    }

    private static bool Probability(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value is >= 0 and <= 1;

    private static DateOnly? ScoreDate(List<string> comment)
    {
        foreach (var part in comment)
        {
            var text = part.TrimStart('#');
            if (text.StartsWith("score_date:", StringComparison.Ordinal) && text.Length >= 21
                && DateOnly.TryParseExact(text[11..21], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
        }

        return null;
    }

    [GeneratedRegex("CVE-[0-9]{4}-[0-9]{4,19}", RegexOptions.CultureInvariant)]
    private static partial Regex CveInName();
}
