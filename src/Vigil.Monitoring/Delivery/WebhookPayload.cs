using System.Text.Json;
using Vigil.Storage.Alerts;

namespace Vigil.Monitoring.Delivery;

/// <summary>The JSON body of a webhook: the alert's fields, with its details as a JSON object.</summary>
internal static class WebhookPayload
{
    public static byte[] Serialize(Alert alert)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "vigil.alert");
            json.WriteNumber("id", alert.Id);
            json.WriteString("ruleId", alert.RuleId);
            json.WriteString("ruleTitle", alert.RuleTitle);
            json.WriteString("level", alert.Level);
            json.WriteString("groupKey", alert.GroupKey);
            json.WriteString("firstSeen", alert.FirstSeen);
            json.WriteString("lastSeen", alert.LastSeen);
            json.WriteNumber("count", alert.Count);
            json.WriteString("status", alert.Status);
            json.WriteString("createdAt", alert.CreatedAt);
            json.WriteStartArray("eventIds");
            foreach (var id in alert.EventIds)
            {
                json.WriteNumberValue(id);
            }

            json.WriteEndArray();
            json.WritePropertyName("details");
            WriteDetails(json, alert.Details);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // Details are JSON written by the detector; if a row ever holds something else, send it as a string rather than
    // fail the delivery or produce an invalid body.
    private static void WriteDetails(Utf8JsonWriter json, string details)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            json.WriteNullValue();
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(details);
            document.RootElement.WriteTo(json);
        }
        catch (JsonException)
        {
            json.WriteStringValue(details);
        }
    }
}
