using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Vigil.Events;

namespace Vigil.Storage.Events;

/// <summary>
/// Fields as stored: a JSON array of <c>[name, value]</c> pairs in their original order (names may repeat, values may
/// be null), written straight into a reused UTF-8 buffer and read with <see cref="Utf8JsonReader"/>, no reflection.
/// A value that is the same text as an earlier pair's may be written as that pair's index (a JSON number, from 0):
/// syslog events carry their MSG part in both <c>message</c> and <c>syslog.message</c>, and it is stored once.
/// </summary>
/// <remarks>
/// <para>
/// Not thread-safe: one instance per writer. Text that is not valid UTF-16 (a lone surrogate) is stored with U+FFFD in
/// its place rather than failing the batch.
/// </para>
/// <para>
/// The writer escapes only what JSON requires (<c>"</c>, <c>\</c> and control characters) and writes everything else
/// as UTF-8, as <see cref="Utf8JsonWriter"/> with the relaxed encoder did for the common case, at a fraction of the
/// cost: each field name's <c>["name",</c> is encoded once per name id and reused, and a value is transcoded once and
/// copied. This runs for every event the batch writer commits.
/// </para>
/// </remarks>
internal sealed class FieldsJson
{
    private const int CachedNames = 4096;

    // Shorter values are written out: a back-reference would save little and the search would cost more.
    private const int BackReferenceFrom = 16;
    private static readonly SearchValues<byte> NeedsEscape = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(static b => (byte)b), (byte)'"', (byte)'\\']);

    private readonly byte[]?[] _names = new byte[]?[CachedNames];
    private byte[] _buffer = new byte[4096];
    private byte[] _scratch = new byte[1024];
    private int _length;

    /// <summary>The JSON text of <paramref name="logEvent"/>'s fields.</summary>
    public string Write(LogEvent logEvent) => Encoding.UTF8.GetString(WriteUtf8(logEvent));

    /// <summary>The JSON of <paramref name="logEvent"/>'s fields as UTF-8, valid until the next call.</summary>
    public ReadOnlySpan<byte> WriteUtf8(LogEvent logEvent)
    {
        _length = 0;
        Put((byte)'[');
        for (var i = 0; i < logEvent.Count; i++)
        {
            if (i > 0)
            {
                Put((byte)',');
            }

            PutBytes(NamePrefix(logEvent.IdAt(i)));
            if (logEvent.ValueAt(i) is { } value)
            {
                if (value.Length >= BackReferenceFrom && Earlier(logEvent, i, value) is var earlier and >= 0)
                {
                    PutIndex(earlier);
                }
                else
                {
                    PutText(value);
                }
            }
            else
            {
                PutBytes("null"u8);
            }

            Put((byte)']');
        }

        Put((byte)']');
        return _buffer.AsSpan(0, _length);
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
            var value = reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.Number => reader.TryGetInt32(out var earlier) && earlier >= 0 && earlier < fields.Count ? fields[earlier].Value : null,
                _ => reader.GetString(),
            };
            reader.Read(); // ]
            fields.Add(new(name, value));
        }

        return fields;
    }

    // The index of an earlier pair holding this very string (parsers add one instance under two names), or -1.
    private static int Earlier(LogEvent logEvent, int index, string value)
    {
        for (var j = 0; j < index; j++)
        {
            if (ReferenceEquals(logEvent.ValueAt(j), value))
            {
                return j;
            }
        }

        return -1;
    }

    private void PutIndex(int index)
    {
        if (_buffer.Length - _length < 11)
        {
            Grow(11);
        }

        index.TryFormat(_buffer.AsSpan(_length), out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
    }

    // `["name",` for a field name id, encoded once (ids are dense and never reused; see FieldNames).
    private ReadOnlySpan<byte> NamePrefix(int id)
    {
        if ((uint)id < CachedNames && _names[id] is { } cached)
        {
            return cached;
        }

        var start = _length;
        Put((byte)'[');
        PutText(FieldNames.NameOf(id));
        Put((byte)',');
        var prefix = _buffer.AsSpan(start, _length - start).ToArray();
        _length = start;
        if ((uint)id < CachedNames)
        {
            _names[id] = prefix;
        }

        return prefix;
    }

    private void PutText(string text)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_scratch.Length < needed)
        {
            _scratch = new byte[Math.Max(needed, _scratch.Length * 2)];
        }

        Utf8.FromUtf16(text, _scratch, out _, out var written, replaceInvalidSequences: true);
        var utf8 = _scratch.AsSpan(0, written);
        Put((byte)'"');
        var at = utf8.IndexOfAny(NeedsEscape);
        if (at < 0)
        {
            PutBytes(utf8);
        }
        else
        {
            PutEscaped(utf8, at);
        }

        Put((byte)'"');
    }

    private void PutEscaped(ReadOnlySpan<byte> utf8, int at)
    {
        while (at >= 0)
        {
            PutBytes(utf8[..at]);
            var b = utf8[at];
            switch (b)
            {
                case (byte)'"': PutBytes("\\\""u8); break;
                case (byte)'\\': PutBytes("\\\\"u8); break;
                case (byte)'\n': PutBytes("\\n"u8); break;
                case (byte)'\r': PutBytes("\\r"u8); break;
                case (byte)'\t': PutBytes("\\t"u8); break;
                case (byte)'\b': PutBytes("\\b"u8); break;
                case (byte)'\f': PutBytes("\\f"u8); break;
                default:
                    PutBytes("\\u00"u8);
                    Put(Hex(b >> 4));
                    Put(Hex(b & 0xF));
                    break;
            }

            utf8 = utf8[(at + 1)..];
            at = utf8.IndexOfAny(NeedsEscape);
        }

        PutBytes(utf8);
    }

    private static byte Hex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);

    private void Put(byte b)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = b;
    }

    private void PutBytes(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length - _length < bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Grow(int more) => Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
}
