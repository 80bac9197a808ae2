using System.Globalization;

namespace Vigil.Cli.Store;

/// <summary>Reads a point in time given on the command line: ISO 8601 (<c>2026-11-28T09:00Z</c>) or an age (<c>90m</c>, <c>24h</c>, <c>7d</c>) meaning that long ago.</summary>
internal static class TimeArgument
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset time)
    {
        time = default;
        if (text.Length >= 2 && char.IsAsciiDigit(text[0]) && text[^1] is 's' or 'm' or 'h' or 'd'
            && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            var unit = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                _ => TimeSpan.FromDays(1),
            };
            time = now - (unit * amount);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
