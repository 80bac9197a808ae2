using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Detection.Engine;

namespace Vigil.Cli.Output;

/// <summary>
/// The jsonl columns flattened: tags joined with ';', the event (and a correlation's joined events) as JSON text.
/// Cells that a spreadsheet would run as a formula are prefixed with a quote.
/// </summary>
internal sealed class CsvDetectionWriter : DetectionWriter
{
    private readonly StreamWriter _out;
    private readonly MemoryStream _buffer = new();

    public CsvDetectionWriter(Stream stream)
    {
        _out = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        _out.Write("rule_id,rule_title,level,rule_author,tags,timestamp,source,record,event,correlation\n");
    }

    public override void Write(RuleMatch d)
    {
        string[] cells =
        [
            d.Rule.Id,
            d.Rule.Title,
            d.Rule.Level.ToString().ToLowerInvariant(),
            d.Rule.Author,
            string.Join(';', d.Rule.Tags),
            d.Timestamp?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            d.Event.Source,
            d.Event.Record.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Json(w => DetectionJson.WriteEvent(w, d.Event)),
            d.IsCorrelation ? Json(w => { using var doc = JsonDocument.Parse(Json(x => DetectionJson.WriteDetection(x, d))); doc.RootElement.GetProperty("correlation").WriteTo(w); }) : "",
        ];
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                _out.Write(',');
            }

            _out.Write(Escape(cells[i]));
        }

        _out.Write('\n');
    }

    public override void Dispose() => _out.Dispose();

    private string Json(Action<Utf8JsonWriter> write)
    {
        _buffer.SetLength(0);
        using (var w = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length);
    }

    internal static string Escape(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            cell = "'" + cell;
        }

        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
