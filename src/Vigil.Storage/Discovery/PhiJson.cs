using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Vigil.Storage.Discovery;

/// <summary>The small JSON columns of the PHI scan tables (maps, lists, pairs), written and read without reflection.</summary>
internal static class PhiJson
{
    public static string Map(IReadOnlyDictionary<string, long> map) => Write(w =>
    {
        w.WriteStartObject();
        foreach (var (key, value) in map.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(key, value);
        }

        w.WriteEndObject();
    });

    public static string List<T>(IEnumerable<T> values) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var value in values)
        {
            if (value is long number)
            {
                w.WriteNumberValue(number);
            }
            else
            {
                w.WriteStringValue(value?.ToString());
            }
        }

        w.WriteEndArray();
    });

    public static string Pairs(IEnumerable<KeyValuePair<string, string>> pairs) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var (key, value) in pairs)
        {
            w.WriteStartArray();
            w.WriteStringValue(key);
            w.WriteStringValue(value);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    });

    public static IReadOnlyDictionary<string, long> ReadMap(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.GetInt64(), StringComparer.Ordinal);
    }

    public static IReadOnlyList<string> ReadStrings(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(static e => e.GetString() ?? "")];
    }

    public static IReadOnlyList<long> ReadNumbers(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(static e => e.GetInt64())];
    }

    public static IReadOnlyList<KeyValuePair<string, string>> ReadPairs(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(static e => new KeyValuePair<string, string>(e[0].GetString() ?? "", e[1].GetString() ?? ""))];
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
