using System.Text.Json;
using Vigil.Vulnerabilities.Feeds.Formats;

namespace Vigil.Vulnerabilities.Inventory.Formats;

/// <summary>
/// Reads osquery results: <c>osqueryi --json</c> arrays of rows, and the daemon's results log (one JSON object per
/// line): differential events (<c>{"name","hostIdentifier","action","columns"}</c>, replayed in order so that a
/// <c>removed</c> row cancels its <c>added</c> row), batches (<c>diffResults</c>) and snapshots (<c>snapshot</c>).
/// Tables are told by their columns: <c>deb_packages</c>, <c>rpm_packages</c>, <c>programs</c>, <c>patches</c>.
/// </summary>
/// <remarks>osquery logs every value as a string unless numerics are enabled; both are read.</remarks>
internal static class OsqueryResults
{
    public static void Read(string file, bool array, InventorySink sink, CancellationToken cancellationToken)
    {
        var rows = new RowSet();
        var documents = new List<JsonDocument>();
        try
        {
            if (array)
            {
                var document = Parse(file, File.ReadAllText(file), "file", sink);
                if (document is not null)
                {
                    documents.Add(document);
                    var index = 0;
                    foreach (var row in document.RootElement.EnumerateArray())
                    {
                        Event(row, $"[{index++}]", null, rows);
                    }
                }
            }
            else if (TryWhole(file) is { } whole)
            {
                documents.Add(whole);
                Event(whole.RootElement, "record", null, rows);
            }
            else
            {
                var number = 0;
                foreach (var line in File.ReadLines(file))
                {
                    number++;
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!string.IsNullOrWhiteSpace(line) && Parse(file, line, $"line {number}", sink) is { } document)
                    {
                        documents.Add(document);
                        Event(document.RootElement, $"line {number}", null, rows);
                    }
                }
            }

            foreach (var (host, item, row) in rows.InOrder())
            {
                OsqueryRow.Add(file, item, host, row, sink);
            }
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }

    /// <summary>The file as one JSON object (a pretty-printed event), or null when it is JSON lines (or malformed).</summary>
    private static JsonDocument? TryWhole(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonDocument? Parse(string file, string text, string item, InventorySink sink)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            sink.Problem(file, item, $"malformed JSON at line {(ex.LineNumber ?? 0) + 1}");
            return null;
        }
    }

    private static void Event(JsonElement element, string item, string? host, RowSet rows)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        host = JsonValues.String(element, "hostIdentifier") ?? JsonValues.String(element, "hostname") ?? host ?? string.Empty;
        if (JsonValues.Get(element, "columns") is { ValueKind: JsonValueKind.Object } columns)
        {
            Apply(JsonValues.String(element, "action") ?? "added", host, item, columns, rows);
        }
        else if (JsonValues.Get(element, "diffResults") is { } diff)
        {
            var index = 0;
            foreach (var row in JsonValues.Items(diff, "removed"))
            {
                Apply("removed", host, $"{item} removed[{index++}]", row, rows);
            }

            index = 0;
            foreach (var row in JsonValues.Items(diff, "added"))
            {
                Apply("added", host, $"{item} added[{index++}]", row, rows);
            }
        }
        else if (JsonValues.Get(element, "snapshot") is { ValueKind: JsonValueKind.Array } snapshot)
        {
            var index = 0;
            foreach (var row in snapshot.EnumerateArray())
            {
                Apply("snapshot", host, $"{item} snapshot[{index++}]", row, rows);
            }
        }
        else
        {
            Apply("added", host, item, element, rows);
        }
    }

    private static void Apply(string action, string host, string item, JsonElement row, RowSet rows)
    {
        var key = $"{host}\u0001{row.GetRawText()}";
        if (action == "removed")
        {
            rows.Remove(key);
        }
        else
        {
            rows.Add(key, host, item, row);
        }
    }

    /// <summary>The rows present after replaying the log, in the order they were first added.</summary>
    private sealed class RowSet
    {
        private readonly Dictionary<string, (long Sequence, string Host, string Item, JsonElement Row)> _rows = new(StringComparer.Ordinal);
        private long _next;

        public void Add(string key, string host, string item, JsonElement row) => _rows.TryAdd(key, (_next++, host, item, row));

        public void Remove(string key) => _rows.Remove(key);

        // Dictionary order is not insertion order once rows are removed.
        public IEnumerable<(string Host, string Item, JsonElement Row)> InOrder() =>
            _rows.Values.OrderBy(r => r.Sequence).Select(r => (r.Host, r.Item, r.Row));
    }
}
