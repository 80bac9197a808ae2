using System.Text.Json;
using Vigil.Cli.Output;
using Vigil.Discovery.Reports;
using Vigil.Discovery.Scanning;
using Vigil.Discovery.Subjects;

namespace Vigil.Cli.ScanPhi;

/// <summary>One finding per line, or with --subjects one subject per line.</summary>
internal sealed class JsonlPhiWriter(Stream stream, bool reveal) : PhiReportWriter(reveal)
{
    private readonly JsonLines _lines = new(stream);

    public override void Write(ItemFindings item)
    {
        foreach (var f in item.Findings)
        {
            var w = _lines.BeginLine();
            w.WriteStartObject();
            w.WriteString("item", item.ItemId);
            w.WriteString("kind", item.Kind.ToString().ToLowerInvariant());
            w.WriteString("location", item.Location);
            w.WriteString("part", PartNames.Show(f.Part, Reveal));
            w.WriteString("type", f.Type);
            w.WriteString("category", f.Category.ToString().ToLowerInvariant());
            w.WriteString("value", Shown(f));
            w.WriteBoolean("revealed", Reveal);
            w.WriteNumber("confidence", Math.Round(f.Confidence, 3));
            w.WriteString("evidence", f.Evidence);
            w.WriteNumber("start", f.Position.Start);
            w.WriteNumber("length", f.Position.Length);
            w.WriteEndObject();
            _lines.EndLine();
        }
    }

    public override void End(ScanSummary summary, IReadOnlyList<DataSubject>? subjects)
    {
        foreach (var s in subjects ?? [])
        {
            Subject(_lines.BeginLine(), s);
            _lines.EndLine();
        }
    }

    private void Subject(Utf8JsonWriter w, DataSubject s)
    {
        w.WriteStartObject();
        w.WriteString("subject", s.Id);
        w.WriteBoolean("correspondent", s.Correspondent);
        w.WriteString("name", s.Name);
        w.WriteBoolean("revealed", Reveal);
        w.WriteStartArray("linked_by");
        s.LinkedBy.ToList().ForEach(w.WriteStringValue);
        w.WriteEndArray();
        w.WriteStartArray("categories");
        s.Categories.ToList().ForEach(c => w.WriteStringValue(c.ToString().ToLowerInvariant()));
        w.WriteEndArray();
        w.WriteStartObject("types");
        foreach (var (type, count) in s.Types)
        {
            w.WriteNumber(type, count);
        }

        w.WriteEndObject();
        w.WriteStartArray("identifiers");
        foreach (var v in s.Identifiers)
        {
            w.WriteStartObject();
            w.WriteString("type", v.Type);
            w.WriteString("value", Reveal ? v.Value ?? v.Masked : v.Masked);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("items");
        s.Items.ToList().ForEach(w.WriteStringValue);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public override void Dispose() => _lines.Dispose();
}
