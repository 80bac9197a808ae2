using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vigil.Cli.Output;

/// <summary>One JSON value per line on a buffered stream it owns: the framing of every jsonl output.</summary>
internal sealed class JsonLines(Stream stream) : IDisposable
{
    private readonly BufferedStream _out = new(stream, 1 << 16);
    private readonly Utf8JsonWriter _json = new(Stream.Null, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The writer for the next line's one JSON value; <see cref="EndLine"/> ends the line.</summary>
    public Utf8JsonWriter BeginLine()
    {
        _json.Reset(_out);
        return _json;
    }

    public void EndLine()
    {
        _json.Flush();
        _out.WriteByte((byte)'\n');
    }

    public void Dispose()
    {
        _json.Dispose();
        _out.Dispose();
    }
}
