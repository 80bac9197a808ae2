using System.Globalization;
using System.Text.Json;

namespace Vigil.Vulnerabilities.Feeds.Formats;

/// <summary>Typed, non-throwing reads of optional JSON properties.</summary>
internal static class JsonValues
{
    /// <summary>The property when present and not null.</summary>
    public static JsonElement? Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>The string property, or null when absent or not a string.</summary>
    public static string? String(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>The property as text: a string as is, a number or boolean as written (osquery may log either).</summary>
    public static string? Text(JsonElement element, string name) => Get(element, name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
        _ => null,
    };

    /// <summary>The array property's string items (other items ignored); empty when absent.</summary>
    public static List<string> Strings(JsonElement element, string name)
    {
        var list = new List<string>();
        if (Get(element, name) is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
                {
                    list.Add(item.GetString()!);
                }
            }
        }

        return list;
    }

    /// <summary>The array property's items; empty when absent or not an array.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>An RFC 3339 timestamp, or null when absent or unreadable.</summary>
    public static DateTimeOffset? Timestamp(JsonElement element, string name) =>
        DateTimeOffset.TryParse(String(element, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}
