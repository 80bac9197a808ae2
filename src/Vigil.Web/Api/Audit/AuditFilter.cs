using System.Globalization;
using Vigil.Storage.Audit;

namespace Vigil.Web.Api.Audit;

/// <summary>
/// A parsed audit search: actor and action match exactly (in the store), the time range is applied while reading newest
/// first in batches, so one request reads at most <see cref="MaxScan"/> entries and hands back a cursor to go on.
/// </summary>
internal sealed record AuditFilter(string? Actor, string? Action, DateTimeOffset? From, DateTimeOffset? To, long? Before, int Limit)
{
    /// <summary>The most entries one request reads when a time filter skips many.</summary>
    public const int MaxScan = 10_000;

    private const int Batch = 500;

    /// <summary>The filter, or why the input is refused (the input itself is never echoed).</summary>
    public static AuditFilter? Parse(string? actor, string? action, string? from, string? to, long? before, int? limit, DateTimeOffset now, out string? error)
    {
        error = null;
        actor = Blank(actor);
        action = Blank(action);
        if (actor?.Length > 200 || action?.Length > 100)
        {
            error = "actor, action: at most 200 and 100 characters";
        }
        else if (!TryTime(from, now, out var start))
        {
            error = "from: an ISO 8601 time or an age such as 24h or 7d";
        }
        else if (!TryTime(to, now, out var end))
        {
            error = "to: an ISO 8601 time or an age such as 24h or 7d";
        }
        else if (before is <= 0)
        {
            error = "before: use the next value of the previous page";
        }
        else
        {
            return new AuditFilter(actor, action, start, end, before, Math.Clamp(limit ?? 50, 1, 500));
        }

        return null;
    }

    /// <summary>Reads the matching entries, newest first.</summary>
    public async Task<AuditPage> ReadAsync(IAuditLog log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(log);
        var rows = new List<AuditRow>();
        var cursor = Before;
        var scanned = 0;

        // The first read asks for one page and one more (enough when no time filter skips entries), later ones for a batch.
        var size = Limit + 1;
        while (scanned < MaxScan)
        {
            var batch = await log.ListAsync(new AuditQuery(cursor, size, Actor, Action), ct).ConfigureAwait(false);
            foreach (var r in batch)
            {
                scanned++;
                cursor = r.Id;
                if (From is { } from && r.Time < from)
                {
                    return new AuditPage(rows, scanned, null);
                }

                if (To is { } to && r.Time > to)
                {
                    continue;
                }

                if (rows.Count == Limit)
                {
                    return new AuditPage(rows, scanned, rows[^1].Id);
                }

                rows.Add(new AuditRow(r.Id, r.Time, r.Actor, r.Action, r.Target, r.Ip, r.Detail, Convert.ToHexStringLower(r.Hash)));
            }

            if (batch.Count < size)
            {
                return new AuditPage(rows, scanned, null);
            }

            size = Batch;
        }

        return new AuditPage(rows, scanned, rows.Count == Limit ? rows[^1].Id : cursor);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool TryTime(string? text, DateTimeOffset now, out DateTimeOffset? time)
    {
        time = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length is >= 2 and <= 6 && text[^1] is 'h' or 'd'
            && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            time = text[^1] == 'h' ? now.AddHours(-n) : now.AddDays(-n);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }
}
