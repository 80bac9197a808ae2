using System.Text.Json;
using Vigil.Detection.Engine;
using Vigil.Events;

namespace Vigil.Cli.Output;

/// <summary>The JSON shape of a detection, shared by the jsonl and csv formats.</summary>
internal static class DetectionJson
{
    public static void WriteDetection(Utf8JsonWriter w, RuleMatch d)
    {
        w.WriteStartObject();
        w.WriteString("rule_id", d.Rule.Id);
        w.WriteString("rule_title", d.Rule.Title);
        w.WriteString("level", d.Rule.Level.ToString().ToLowerInvariant());
        // The Detection Rule License requires the rule's author in every detection.
        w.WriteString("rule_author", d.Rule.Author);
        w.WriteStartArray("tags");
        foreach (var tag in d.Rule.Tags)
        {
            w.WriteStringValue(tag);
        }

        w.WriteEndArray();
        WriteTimestamp(w, d.Timestamp);
        w.WriteString("source", d.Event.Source);
        w.WriteNumber("record", d.Event.Record);
        w.WritePropertyName("event");
        WriteEvent(w, d.Event);
        if (d.IsCorrelation)
        {
            w.WriteStartObject("correlation");
            w.WriteStartObject("group_by");
            foreach (var (k, v) in d.GroupBy)
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            if (d.Value is { } value)
            {
                w.WriteNumber("value", value);
            }

            w.WriteStartArray("events");
            foreach (var j in d.Joined)
            {
                w.WriteStartObject();
                w.WriteString("rule_id", j.Rule.Id);
                w.WriteString("rule_title", j.Rule.Title);
                WriteTimestamp(w, j.Timestamp);
                w.WriteString("source", j.Event.Source);
                w.WriteNumber("record", j.Event.Record);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>The event's fields as an object; a field with several values becomes an array.</summary>
    public static void WriteEvent(Utf8JsonWriter w, LogEvent e)
    {
        w.WriteStartObject();
        var written = new HashSet<int>();
        for (var i = 0; i < e.Count; i++)
        {
            var id = e.IdAt(i);
            if (!written.Add(id))
            {
                continue;
            }

            var next = e.IndexOf(id, i + 1);
            if (next < 0)
            {
                w.WriteString(e.NameAt(i), e.ValueAt(i));
                continue;
            }

            w.WriteStartArray(e.NameAt(i));
            for (var j = i; j >= 0; j = e.IndexOf(id, j + 1))
            {
                w.WriteStringValue(e.ValueAt(j));
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    public static void WriteTimestamp(Utf8JsonWriter w, DateTimeOffset? timestamp)
    {
        if (timestamp is { } t)
        {
            w.WriteString("timestamp", t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("timestamp");
        }
    }
}
