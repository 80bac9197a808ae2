namespace Vigil.Vulnerabilities.Feeds.Cvss;

/// <summary>Splits a CVSS vector (<c>CVSS:3.1/AV:N/AC:L/...</c> or <c>AV:N/AC:L/Au:N/...</c>) into metric values.</summary>
internal static class CvssVector
{
    /// <summary>The metrics by name, or null when a part is not <c>NAME:VALUE</c> or a metric is repeated.</summary>
    public static Dictionary<string, string>? Split(string vector)
    {
        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in vector.Trim().Trim('(', ')').Split('/'))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == part.Length - 1 || !metrics.TryAdd(part[..colon], part[(colon + 1)..]))
            {
                return null;
            }
        }

        return metrics;
    }

    /// <summary>The weight of metric <paramref name="name"/>'s value in <paramref name="table"/>, or null when absent or unknown.</summary>
    public static double? Weight(Dictionary<string, string> metrics, string name, params (string Value, double Weight)[] table)
    {
        if (!metrics.TryGetValue(name, out var value))
        {
            return null;
        }

        foreach (var (key, weight) in table)
        {
            if (key == value)
            {
                return weight;
            }
        }

        return null;
    }
}
