using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Detection.Engine;

namespace Vigil.Cli.Output;

/// <summary>One JSON object per detection per line.</summary>
internal sealed class JsonlDetectionWriter(Stream stream) : DetectionWriter
{
    private readonly BufferedStream _out = new(stream, 1 << 16);
    private readonly Utf8JsonWriter _json = new(Stream.Null, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public override void Write(RuleMatch detection)
    {
        _json.Reset(_out);
        DetectionJson.WriteDetection(_json, detection);
        _json.Flush();
        _out.WriteByte((byte)'\n');
    }

    public override void Dispose()
    {
        _json.Dispose();
        _out.Dispose();
    }
}
