using System.Globalization;

namespace Vigil.Vulnerabilities.Exchange;

/// <summary>Reads update names such as <c>Mar21SU</c>, <c>Aug23SUv2</c>, <c>Apr25HU</c>.</summary>
internal static class ExchangeUpdateName
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The month the name encodes and the name without a <c>vN</c> re-release suffix; false when malformed.</summary>
    public static bool TryParse(string name, out DateOnly month, out string baseName)
    {
        month = default;
        baseName = name;
        var text = name.AsSpan();
        var v = text.LastIndexOf('v');
        if (v > 0 && v < text.Length - 1 && !text[(v + 1)..].ContainsAnyExceptInRange('0', '9'))
        {
            text = text[..v];
        }

        if (text.Length != 7 || !(text.EndsWith("SU", StringComparison.Ordinal) || text.EndsWith("HU", StringComparison.Ordinal)))
        {
            return false;
        }

        var index = Array.IndexOf(Months, text[..3].ToString());
        if (index < 0 || !int.TryParse(text[3..5], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        month = new DateOnly(2000 + year, index + 1, 1);
        baseName = text.ToString();
        return true;
    }
}
