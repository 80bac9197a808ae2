using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Detection.Engine;

namespace Vigil.Monitoring.Live;

/// <summary>The details kept with an alert: the rule's metadata and, for a correlation, its figure and groups.</summary>
/// <remarks>Never the event's content: that stays in the event store, linked by id, under its own access control.</remarks>
internal static class AlertDetails
{
    public static string For(RuleMatch match)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            var rule = match.Rule;
            json.WriteStartObject();
            json.WriteString("author", rule.Author);
            json.WriteString("description", rule.Description);
            json.WriteString("status", rule.Status);
            json.WriteString("file", Path.GetFileName(rule.File));
            json.WriteStartArray("tags");
            foreach (var tag in rule.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteString("source_type", match.Event.SourceType);
            if (match.IsCorrelation)
            {
                json.WriteString("value", match.Value?.ToString(CultureInfo.InvariantCulture));
                json.WriteStartObject("group_by");
                foreach (var (name, value) in match.GroupBy)
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
                json.WriteNumber("joined", match.Joined.Count);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
