using System.Globalization;
using System.Text;

namespace Vigil.Detection.Correlation;

/// <summary>Encodes a tuple of field values (some null) as one string that two different tuples never share.</summary>
internal static class GroupKey
{
    /// <summary>
    /// Each value as its length, a colon and its text; a null as a dash. No values give the empty string; a single
    /// value is its text after '=' (the number of values is fixed per correlation, so the shapes never meet).
    /// </summary>
    public static string Encode(ReadOnlySpan<string?> values)
    {
        if (values.Length == 0)
        {
            return "";
        }

        if (values.Length == 1)
        {
            return values[0] is { } only ? string.Concat("=", only) : "-";
        }

        var text = new StringBuilder();
        foreach (var value in values)
        {
            if (value is null)
            {
                text.Append('-');
            }
            else
            {
                text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
            }
        }

        return text.ToString();
    }
}
