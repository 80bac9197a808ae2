using DocumentFormat.OpenXml.Spreadsheet;

namespace Vigil.Discovery.Extraction;

/// <summary>Which cell styles of a workbook show numbers as dates (built-in date formats or a custom d/m/y code).</summary>
internal static class SpreadsheetDates
{
    public static bool[] Styles(Stylesheet? stylesheet)
    {
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToArray() ?? [];
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? string.Empty) ?? [];
        var dates = new bool[formats.Length];
        for (var i = 0; i < formats.Length; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            dates[i] = custom.TryGetValue(id, out var code) ? IsDateCode(code) : IsBuiltInDate(id);
        }

        return dates;
    }

    private static bool IsBuiltInDate(uint id) => id is (>= 14 and <= 17) or 22 or (>= 27 and <= 36) or (>= 50 and <= 58);

    private static bool IsDateCode(string code)
    {
        var quoted = false;
        var bracketed = false;
        foreach (var c in code)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '[':
                    bracketed = true;
                    break;
                case ']':
                    bracketed = false;
                    break;
                case 'd' or 'D' or 'y' or 'Y' when !quoted && !bracketed:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }
}
