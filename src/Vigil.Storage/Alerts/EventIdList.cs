using System.Globalization;
using System.Text;

namespace Vigil.Storage.Alerts;

/// <summary>An alert's event ids as stored: a JSON array of integers, at most <see cref="Max"/>.</summary>
internal static class EventIdList
{
    public const int Max = 1000;

    public static string Write(IEnumerable<long> ids)
    {
        var text = new StringBuilder("[");
        var count = 0;
        foreach (var id in ids)
        {
            if (count == Max)
            {
                break;
            }

            text.Append(count++ == 0 ? "" : ",").Append(id.ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(']').ToString();
    }

    public static List<long> Read(string json)
    {
        var ids = new List<long>();
        foreach (var part in json.AsSpan().Trim("[] ").ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            ids.Add(long.Parse(part, CultureInfo.InvariantCulture));
        }

        return ids;
    }
}
