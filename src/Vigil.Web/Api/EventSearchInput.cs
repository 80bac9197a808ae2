using System.Globalization;
using Vigil.Storage.Events;
using Vigil.Storage.Insights;

namespace Vigil.Web.Api;

/// <summary>Turns the events search form or query string into an <see cref="EventBrowseQuery"/>, or the reason it cannot.</summary>
internal static class EventSearchInput
{
    /// <summary>Parses the inputs; bad input gives an error message naming the input (never an exception).</summary>
    /// <param name="from">ISO 8601 time, or an age such as <c>90m</c>, <c>24h</c>, <c>7d</c>; empty for any.</param>
    /// <param name="to">Same forms; empty for any.</param>
    /// <param name="sourceType">Kind of log, or empty.</param>
    /// <param name="fields">Conditions <c>name=value</c> (equals) or <c>name~value</c> (contains), ignoring case.</param>
    /// <param name="after">A cursor from a previous page, or empty.</param>
    /// <param name="limit">Page size.</param>
    /// <param name="now">The current time, for ages.</param>
    public static (EventBrowseQuery? Query, string? Error) Parse(
        string? from, string? to, string? sourceType, IEnumerable<string> fields, string? after, int limit, DateTimeOffset now)
    {
        if (!TryTime(from, now, out var start))
        {
            return (null, "from: use an ISO 8601 time (2026-03-01T10:00:00Z) or an age (90m, 24h, 7d)");
        }

        if (!TryTime(to, now, out var end))
        {
            return (null, "to: use an ISO 8601 time (2026-03-01T10:00:00Z) or an age (90m, 24h, 7d)");
        }

        var filters = new List<FieldFilter>();
        foreach (var line in fields.SelectMany(static f => f.Split('\n')).Select(static f => f.Trim()).Where(static f => f.Length > 0))
        {
            var at = line.IndexOfAny(['=', '~']);
            if (at <= 0 || at == line.Length - 1)
            {
                return (null, $"field condition {filters.Count + 1}: write name=value or name~value");
            }

            filters.Add(new FieldFilter(line[..at].Trim(), line[(at + 1)..].Trim(), line[at] == '~'));
        }

        EventCursor? cursor = null;
        if (!string.IsNullOrEmpty(after) && (cursor = EventCursor.Parse(after)) is null)
        {
            return (null, "after: not a cursor this server gave");
        }

        return (new EventBrowseQuery(start, end, string.IsNullOrWhiteSpace(sourceType) ? null : sourceType.Trim(), filters, cursor, Math.Clamp(limit, 1, 500)), null);
    }

    private static bool TryTime(string? text, DateTimeOffset now, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        text = text.Trim();
        if (text.Length > 1 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? age = text[^1] switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(Math.Min(amount, 36_500)),
                _ => null,
            };
            if (age is { } span)
            {
                time = now - span;
                return true;
            }
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }
}
