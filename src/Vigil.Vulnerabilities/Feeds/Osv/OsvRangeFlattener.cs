using System.Text.Json;

namespace Vigil.Vulnerabilities.Feeds.Osv;

/// <summary>
/// Turns the events of one OSV <c>ECOSYSTEM</c> or <c>SEMVER</c> range into affected intervals, following the OSV
/// schema's evaluation algorithm: an <c>introduced</c> makes later versions affected, a <c>fixed</c> ends that
/// (exclusive), a <c>last_affected</c> ends it after that version (inclusive), and <c>limit</c>s bound the whole range.
/// </summary>
/// <remarks>
/// The events are taken in the order given: OSV producers write them in version order, and this module cannot sort
/// them without the ecosystem's version scheme. A second <c>introduced</c> while already affected changes nothing (as in
/// the algorithm); a <c>fixed</c> or <c>last_affected</c> with nothing open has no effect. An interval left open is
/// closed by each <c>limit</c> (exclusive, as <c>BeforeLimits</c> requires <c>v &lt; limit</c>): one interval per limit,
/// whose union is exactly "below any limit". Intervals already closed before a limit are kept as they are.
/// </remarks>
internal static class OsvRangeFlattener
{
    /// <summary>The intervals, or null with the reason when an event is not one of the four kinds with a string value.</summary>
    public static List<VersionRange>? Flatten(JsonElement events, out string? reason)
    {
        reason = null;
        var ranges = new List<VersionRange>();
        var limits = new List<string>();
        string? open = null;
        var isOpen = false;
        var index = 0;
        foreach (var item in events.EnumerateArray())
        {
            if (!TryEvent(item, out var kind, out var value))
            {
                reason = $"event {index} is not one of introduced, fixed, last_affected or limit with a version string";
                return null;
            }

            index++;
            switch (kind)
            {
                case "introduced" when !isOpen:
                    open = value == "0" ? null : value;
                    isOpen = true;
                    break;
                case "fixed" when isOpen:
                    ranges.Add(new VersionRange(open, value, null));
                    isOpen = false;
                    break;
                case "last_affected" when isOpen:
                    ranges.Add(new VersionRange(open, null, value));
                    isOpen = false;
                    break;
                case "limit":
                    limits.Add(value);
                    break;
                default:
                    break;
            }
        }

        if (isOpen)
        {
            var bounded = limits.Where(limit => limit != "*").ToList();
            if (bounded.Count == 0 || bounded.Count < limits.Count)
            {
                ranges.Add(new VersionRange(open, null, null));
            }
            else
            {
                ranges.AddRange(bounded.Select(limit => new VersionRange(open, limit, null)));
            }
        }

        return ranges;
    }

    private static bool TryEvent(JsonElement item, out string kind, out string value)
    {
        kind = string.Empty;
        value = string.Empty;
        if (item.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var count = 0;
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name is not ("introduced" or "fixed" or "last_affected" or "limit"))
            {
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
            {
                return false;
            }

            kind = property.Name;
            value = property.Value.GetString()!;
            count++;
        }

        return count == 1;
    }
}
