using System.Text;
using System.Text.Json;
using Vigil.Events;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Sources;

/// <summary>Helpers that rebuild flat events: JSON text flattened into fields, prefixes lifted, containers as text.</summary>
internal static class FlatEvents
{
    [ThreadStatic]
    private static JsonEventBuilder? _builder;

    /// <summary>Flattens the JSON object in <paramref name="json"/> (dotted names); null when it is not one.</summary>
    public static LogEvent? Flatten(string json)
    {
        var builder = _builder ??= new JsonEventBuilder();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), isFinalBlock: true, default);
        try
        {
            if (builder.Step(ref reader) == BuildStep.Completed)
            {
                return builder.TakeEvent();
            }
        }
        catch (JsonException)
        {
        }

        builder.Reset();
        return null;
    }

    /// <summary>
    /// Copies <paramref name="inner"/>'s fields into <paramref name="target"/>, adding for each top-level name that
    /// only has dotted children (an array or object) one more field under that name holding them as JSON text, as
    /// Sentinel's tables and Sigma rules (<c>Parameters|contains</c>) expect.
    /// </summary>
    public static void AddWithContainers(LogEvent target, LogEvent inner)
    {
        List<string>? containers = null;
        for (var i = 0; i < inner.Count; i++)
        {
            var name = inner.NameAt(i);
            target.Add(inner.IdAt(i), inner.ValueAt(i));
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                var top = name[..dot];
                if ((containers ??= []).Count == 0 || containers[^1] != top)
                {
                    if (!containers.Contains(top) && FieldNames.Find(top) is var id && (id < 0 || !inner.Has(id)))
                    {
                        containers.Add(top);
                    }
                }
            }
        }

        foreach (var top in containers ?? [])
        {
            target.Add(top, ContainerText(inner, top + "."));
        }
    }

    /// <summary>The fields under <paramref name="prefix"/> as a JSON array of objects, a new object each time a key repeats.</summary>
    public static string ContainerText(LogEvent logEvent, string prefix)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var open = false;
            foreach (var (name, value) in logEvent.Fields())
            {
                if (!name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var key = name[prefix.Length..];
                if (!open || !keys.Add(key))
                {
                    if (open)
                    {
                        writer.WriteEndObject();
                    }

                    writer.WriteStartObject();
                    keys.Clear();
                    keys.Add(key);
                    open = true;
                }

                writer.WriteString(key, value);
            }

            if (open)
            {
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
