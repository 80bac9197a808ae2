using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Vigil.Discovery.Extraction;

/// <summary>
/// An XLSX's cell values (OpenXml, streamed row by row): each sheet's name, then one line per row with cells
/// tab-separated; shared and inline strings resolved, and numbers in a date format written as dd/MM/yyyy (so a date of
/// birth is seen as a date, not as a serial number).
/// </summary>
internal static class SpreadsheetText
{
    public static void Extract(ItemText item, string name, Stream xlsx)
    {
        if (!OfficePackage.IsSafe(item, name, xlsx))
        {
            return;
        }

        var text = new StringBuilder();
        try
        {
            using var document = SpreadsheetDocument.Open(xlsx, false, OfficePackage.Settings(item.Limits));
            var workbook = document.WorkbookPart;
            var sheets = workbook?.Workbook?.Sheets?.Elements<Sheet>() ?? [];
            var strings = workbook?.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>()
                .Select(s => s.InnerText).ToArray() ?? [];
            var dates = SpreadsheetDates.Styles(workbook?.WorkbookStylesPart?.Stylesheet);
            foreach (var sheet in sheets)
            {
                if (sheet.Id?.Value is { } id && workbook!.GetPartById(id) is WorksheetPart part)
                {
                    text.Append(sheet.Name?.Value).Append('\n');
                    Rows(text, part, strings, dates, item);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            item.Problem(name, $"malformed XLSX ({e.GetType().Name}): {(text.Length > 0 ? "read in part" : "not read")}");
        }

        item.Add(name, text.ToString());
    }

    private static void Rows(StringBuilder text, WorksheetPart part, string[] strings, bool[] dates, ItemText item)
    {
        using var reader = OpenXmlReader.Create(part);
        var firstInRow = true;
        while (reader.Read() && text.Length <= item.Limits.MaxTextCharsPerItem)
        {
            if (reader.ElementType == typeof(Row))
            {
                firstInRow = true;
                if (reader.IsEndElement)
                {
                    text.Append('\n');
                    item.CancellationToken.ThrowIfCancellationRequested();
                }
            }
            else if (reader.ElementType == typeof(Cell) && reader.IsStartElement && reader.LoadCurrentElement() is Cell cell)
            {
                text.Append(firstInRow ? string.Empty : "\t").Append(Value(cell, strings, dates));
                firstInRow = false;
            }
        }
    }

    private static string Value(Cell cell, string[] strings, bool[] dates)
    {
        var raw = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, CultureInfo.InvariantCulture, out var index) && (uint)index < (uint)strings.Length
                ? strings[index]
                : string.Empty;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? raw;
        }

        var style = cell.StyleIndex?.Value ?? 0;
        if ((type is null || type == CellValues.Number) && style < dates.Length && dates[style]
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && serial is > 0 and < 2958466)
        {
            return DateTime.FromOADate(serial).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }

        return raw;
    }
}
