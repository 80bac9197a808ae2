using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Vigil.Cli.Demo.Generation;

/// <summary>Writes one JSON object as one line (NDJSON), escaping as JSON requires.</summary>
internal static class JsonLine
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes <c>[{"Name":..,"Value":..},..]</c>, the UAL's name/value list.</summary>
    public static void NameValues(Utf8JsonWriter writer, string property, params (string Name, string Value)[] values)
    {
        writer.WriteStartArray(property);
        foreach (var (name, value) in values)
        {
            writer.WriteStartObject();
            writer.WriteString("Name", name);
            writer.WriteString("Value", value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
