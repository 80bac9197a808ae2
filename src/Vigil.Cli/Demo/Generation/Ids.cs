using System.Globalization;

namespace Vigil.Cli.Demo.Generation;

/// <summary>Identifiers and time text drawn from the run's random source, so that every run of a seed is identical.</summary>
internal static class Ids
{
    public static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public static string Hex(Random random, int length)
    {
        const string digits = "0123456789abcdef";
        return string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = digits[r.Next(16)];
            }
        });
    }

    /// <summary>ISO 8601 UTC with milliseconds and Z.</summary>
    public static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 without zone (UAL's CreationTime).</summary>
    public static string IsoNoZone(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A random time of the day <paramref name="day"/> between two hours (UTC).</summary>
    public static DateTime At(Random random, DateTime day, double fromHour, double toHour) =>
        day.AddMilliseconds(Math.Floor((fromHour + (random.NextDouble() * (toHour - fromHour))) * 3_600_000));
}
