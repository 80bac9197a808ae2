using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Vigil.Events;

namespace Vigil.Storage.Events;

/// <summary>
/// Fields as stored: a JSON array of <c>[name, value]</c> pairs in their original order (names may repeat, values may
/// be null), written with <see cref="Utf8JsonWriter"/> and read with <see cref="Utf8JsonReader"/>, no reflection.
/// </summary>
/// <remarks>
/// Not thread-safe: one instance per writer. Text that is not valid UTF-16 (a lone surrogate) is stored with U+FFFD in
/// its place rather than failing the batch.
/// </remarks>
internal sealed class FieldsJson : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;
    private byte[] _scratch = new byte[1024];

    public FieldsJson() => _writer = new Utf8JsonWriter(_buffer, Options);

    /// <summary>The JSON text of <paramref name="logEvent"/>'s fields.</summary>
    public string Write(LogEvent logEvent) => Encoding.UTF8.GetString(WriteUtf8(logEvent));

    /// <summary>The JSON of <paramref name="logEvent"/>'s fields as UTF-8, valid until the next call.</summary>
    public ReadOnlySpan<byte> WriteUtf8(LogEvent logEvent)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartArray();
        for (var i = 0; i < logEvent.Count; i++)
        {
            _writer.WriteStartArray();
            WriteText(logEvent.NameAt(i));
            var value = logEvent.ValueAt(i);
            if (value is null)
            {
                _writer.WriteNullValue();
            }
            else
            {
                WriteText(value);
            }

            _writer.WriteEndArray();
        }

        _writer.WriteEndArray();
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    /// <summary>Reads the pairs back.</summary>
    public static List<KeyValuePair<string, string?>> Read(string json)
    {
        var fields = new List<KeyValuePair<string, string?>>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read(); // [
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var name = reader.GetString() ?? "";
            reader.Read();
            var value = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            reader.Read(); // ]
            fields.Add(new(name, value));
        }

        return fields;
    }

    public void Dispose() => _writer.Dispose();

    private void WriteText(string text)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_scratch.Length < needed)
        {
            _scratch = new byte[Math.Max(needed, _scratch.Length * 2)];
        }

        Utf8.FromUtf16(text, _scratch, out _, out var written, replaceInvalidSequences: true);
        _writer.WriteStringValue(_scratch.AsSpan(0, written));
    }
}
