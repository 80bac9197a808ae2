using System.Globalization;
using Vigil.Ingestion.Timestamps;

namespace Vigil.Ingestion.Sources;

/// <summary>Parses the times of Microsoft portal and PowerShell exports: ISO 8601, or US <c>M/d/yyyy h:mm:ss AM</c> forms.</summary>
/// <remarks>
/// The US forms (<c>5/29/2023 12:29:35 PM</c>, Sentinel's <c>4/26/2021, 7:17:10.000 AM</c>) are what these exports
/// write whatever the reader's culture; they are read as UTC. Only the fields of those exports are read this way.
/// </remarks>
internal static class ExportTime
{
    private static readonly string[] Formats =
    [
        "M/d/yyyy h:mm:ss tt", "M/d/yyyy, h:mm:ss tt", "M/d/yyyy h:mm:ss.fff tt", "M/d/yyyy, h:mm:ss.fff tt",
    ];

    /// <summary>Parses <paramref name="text"/> as ISO 8601 or one of the US forms; the result is in UTC.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (EventTime.TryParse(text, out time))
        {
            time = time.ToUniversalTime();
            return true;
        }

        return DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
