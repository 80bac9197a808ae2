using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Vigil.Events;

namespace Vigil.Storage.Events;

/// <summary>
/// Fields as stored: a JSON array of <c>[name, value]</c> pairs in their original order (names may repeat, values may
/// be null), written straight into a reused UTF-8 buffer and read with <see cref="Utf8JsonReader"/>, no reflection.
/// </summary>
/// <remarks>
/// <para>
/// Three shorthands keep rows small (each is optional; rows written before them read as before):
/// a name listed in <see cref="KnownFieldNames"/> is written as its code (a JSON number);
/// a value that is the same string as an earlier pair's is written as that pair's index (a JSON number, from 0; syslog
/// events carry their MSG part in both <c>message</c> and <c>syslog.message</c>);
/// and a value that occurs in the row's raw record is written as <c>[start, length]</c> in UTF-16 code units of the
/// raw text (parsers cut most values out of the record: host, tag, message, Postfix and Dovecot fields). A syslog row's
/// fields fell from about 480 to about 100 bytes.
/// </para>
/// <para>
/// Not thread-safe: one instance per writer. Text that is not valid UTF-16 (a lone surrogate) is stored with U+FFFD in
/// its place rather than failing the batch; the raw record is stored the same way, so a slice of it reads back as the
/// value would have.
/// </para>
/// <para>
/// The writer escapes only what JSON requires (<c>"</c>, <c>\</c> and control characters) and writes everything else
/// as UTF-8; each field name's <c>["name",</c> is encoded once per name id and reused. This runs for every event the
/// batch writer commits.
/// </para>
/// </remarks>
internal sealed class FieldsJson
{
    private const int CachedNames = 4096;

    // "[123,45]" is 8 bytes: a shorter value is written out rather than searched for in the raw record or among the
    // earlier values (a back-reference is shorter still, and the search is a few reference comparisons).
    private const int ShortValue = 8;

    private static readonly SearchValues<byte> NeedsEscape = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(static b => (byte)b), (byte)'"', (byte)'\\']);

    private readonly byte[]?[] _names = new byte[]?[CachedNames];
    private byte[] _buffer = new byte[4096];
    private byte[] _scratch = new byte[1024];
    private char[] _text = new char[4096];
    private int _length;

    /// <summary>The JSON text of <paramref name="logEvent"/>'s fields, slicing values out of <paramref name="raw"/>.</summary>
    public string Write(LogEvent logEvent, ReadOnlySpan<char> raw) => Encoding.UTF8.GetString(WriteUtf8(logEvent, raw));

    /// <summary>The JSON of <paramref name="logEvent"/>'s fields as UTF-8, valid until the next call.</summary>
    /// <param name="logEvent">The event.</param>
    /// <param name="raw">The raw record stored in the same row: values found in it are written as slices of it.</param>
    public ReadOnlySpan<byte> WriteUtf8(LogEvent logEvent, ReadOnlySpan<char> raw) => Write(logEvent, raw, default, ascii: false);

    /// <summary>
    /// The JSON of <paramref name="logEvent"/>'s fields as UTF-8, valid until the next call: the same bytes as
    /// <see cref="WriteUtf8(LogEvent, ReadOnlySpan{char})"/> given the record decoded as the store reads it back
    /// (invalid UTF-8 as U+FFFD).
    /// </summary>
    /// <param name="logEvent">The event.</param>
    /// <param name="raw">The raw record's bytes as the row stores them.</param>
    /// <remarks>
    /// Slices count UTF-16 code units of the decoded record. In a record that is all ASCII (nearly every syslog line)
    /// those are its bytes, so values are searched for in the bytes, as the UTF-8 they are written out as anyway; any
    /// other record is decoded first.
    /// </remarks>
    public ReadOnlySpan<byte> WriteUtf8(LogEvent logEvent, ReadOnlySpan<byte> raw)
        => Ascii.IsValid(raw) ? Write(logEvent, default, raw, ascii: true) : Write(logEvent, Decode(raw), default, ascii: false);

    /// <summary>The JSON text of <paramref name="logEvent"/>'s fields, slicing values out of the record's bytes.</summary>
    public string Write(LogEvent logEvent, ReadOnlySpan<byte> raw) => Encoding.UTF8.GetString(WriteUtf8(logEvent, raw));

    // One loop for both forms of the raw record: text, or (when ascii) bytes that are all ASCII.
    private ReadOnlySpan<byte> Write(LogEvent logEvent, ReadOnlySpan<char> text, ReadOnlySpan<byte> bytes, bool ascii)
    {
        _length = 0;
        Put((byte)'[');
        var hint = 0;
        for (var i = 0; i < logEvent.Count; i++)
        {
            if (i > 0)
            {
                Put((byte)',');
            }

            PutBytes(NamePrefix(logEvent.IdAt(i)));
            if (logEvent.ValueAt(i) is not { } value)
            {
                PutBytes("null"u8);
            }
            else if (value.Length >= ShortValue && Earlier(logEvent, i, value) is var earlier and >= 0)
            {
                PutNumber(earlier);
            }
            else if (value.Length < ShortValue)
            {
                PutText(value);
            }
            else if (ascii)
            {
                // Encoded where it would be written: a slice replaces it, else it is finished in place.
                var start = _length;
                var utf8 = BeginText(value);
                // Fewer or more bytes than UTF-16 code units: not all ASCII, so not in this record.
                if (utf8 == value.Length && Slice(bytes, _buffer.AsSpan(start + 1, utf8), hint) is var at and >= 0)
                {
                    _length = start;
                    PutSlice(at, value.Length);
                    hint = at;
                }
                else
                {
                    EndText(utf8);
                }
            }
            else if (Slice(text, value, hint) is var at and >= 0)
            {
                PutSlice(at, value.Length);
                hint = at; // the next value is often inside this one (the message) or after it
            }
            else
            {
                PutText(value);
            }

            Put((byte)']');
        }

        Put((byte)']');
        return _buffer.AsSpan(0, _length);
    }

    /// <summary>Reads the pairs back.</summary>
    /// <param name="json">The <c>fields</c> column.</param>
    /// <param name="raw">The row's raw record as text, which <c>[start, length]</c> values are slices of.</param>
    public static List<KeyValuePair<string, string?>> Read(string json, string raw)
    {
        var fields = new List<KeyValuePair<string, string?>>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read(); // [
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var name = reader.TokenType == JsonTokenType.Number
                ? KnownFieldNames.NameOf(reader.TryGetInt32(out var code) ? code : -1)
                : reader.GetString() ?? "";
            reader.Read();
            var value = reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.Number => reader.TryGetInt32(out var earlier) && earlier >= 0 && earlier < fields.Count ? fields[earlier].Value : null,
                JsonTokenType.StartArray => ReadSlice(ref reader, raw),
                _ => reader.GetString(),
            };
            reader.Read(); // ]
            fields.Add(new(name, value));
        }

        return fields;
    }

    // [start, length] of the raw text; out of range (a damaged row) reads as null.
    private static string? ReadSlice(ref Utf8JsonReader reader, string raw)
    {
        reader.Read();
        var start = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var s) ? s : -1;
        reader.Read();
        var length = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var l) ? l : -1;
        reader.Read(); // ]
        return start >= 0 && length >= 0 && start <= raw.Length - length ? raw.Substring(start, length) : null;
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

    // Where value occurs in raw (from the hint first: parsers mostly add values in the record's order), or -1. A
    // slice that would cut a surrogate pair in two is not taken: the value's half pair is stored as U+FFFD, the raw
    // record's whole pair as itself. Inside the slice, raw and value replace lone surrogates alike.
    private static int Slice(ReadOnlySpan<char> raw, string value, int hint)
    {
        var at = hint < raw.Length ? raw[hint..].IndexOf(value.AsSpan(), StringComparison.Ordinal) : -1;
        at = at >= 0 ? at + hint : (hint > 0 ? raw[..Math.Min(raw.Length, hint + value.Length - 1)].IndexOf(value.AsSpan(), StringComparison.Ordinal) : -1);
        if (at < 0 || char.IsLowSurrogate(raw[at]) || char.IsHighSurrogate(raw[at + value.Length - 1]))
        {
            return -1;
        }

        return at;
    }

    // Slice for a record and value that are both ASCII, where bytes are code units: the same search from the same hint,
    // and no surrogates to respect.
    private static int Slice(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> value, int hint)
    {
        var at = hint < raw.Length ? raw[hint..].IndexOf(value) : -1;
        return at >= 0 ? at + hint : (hint > 0 ? raw[..Math.Min(raw.Length, hint + value.Length - 1)].IndexOf(value) : -1);
    }

    // Into _text, as EventRecord.RawText and the store's readers decode it (invalid UTF-8 as U+FFFD).
    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> raw)
    {
        if (_text.Length < raw.Length)
        {
            _text = new char[Math.Max(raw.Length, _text.Length * 2)];
        }

        // UTF-16 never needs more code units than UTF-8 has bytes, replacement characters included.
        Utf8.ToUtf16(raw, _text, out _, out var written, replaceInvalidSequences: true);
        return _text.AsSpan(0, written);
    }

    private void PutSlice(int start, int length)
    {
        Put((byte)'[');
        PutNumber(start);
        Put((byte)',');
        PutNumber(length);
        Put((byte)']');
    }

    private void PutNumber(int number)
    {
        if (_buffer.Length - _length < 11)
        {
            Grow(11);
        }

        number.TryFormat(_buffer.AsSpan(_length), out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
    }

    // `["name",` or `[code,` for a field name id, encoded once (ids are dense and never reused; see FieldNames).
    private ReadOnlySpan<byte> NamePrefix(int id)
    {
        if ((uint)id < CachedNames && _names[id] is { } cached)
        {
            return cached;
        }

        var start = _length;
        Put((byte)'[');
        var name = FieldNames.NameOf(id);
        if (KnownFieldNames.CodeOf(name) is var code and >= 0)
        {
            PutNumber(code);
        }
        else
        {
            PutText(name);
        }

        Put((byte)',');
        var prefix = _buffer.AsSpan(start, _length - start).ToArray();
        _length = start;
        if ((uint)id < CachedNames)
        {
            _names[id] = prefix;
        }

        return prefix;
    }

    // Transcoded straight into the buffer; only a value that needs escaping is copied once more.
    private void PutText(string text)
    {
        if (text.Length > ShortValue || !TryPutPlainAscii(text))
        {
            EndText(BeginText(text));
        }
    }

    // A short value of ASCII that needs no escaping (most values: priorities, hosts, process ids, names), char by char:
    // cheaper than setting up the transcoder and the escape search for a few characters. False, having written
    // nothing, for any other.
    private bool TryPutPlainAscii(string text)
    {
        if (_buffer.Length - _length < text.Length + 2)
        {
            Grow(text.Length + 2);
        }

        var at = _length + 1;
        foreach (var c in text)
        {
            if (c is < (char)0x20 or >= (char)0x80 or '"' or '\\')
            {
                return false;
            }

            _buffer[at++] = (byte)c;
        }

        _buffer[_length] = (byte)'"';
        _buffer[at++] = (byte)'"';
        _length = at;
        return true;
    }

    // Writes the opening quote and the text's UTF-8 after it, without counting the UTF-8 in _length yet; returns its
    // length in bytes. A lone surrogate becomes U+FFFD.
    private int BeginText(string text)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length) + 2;
        if (_buffer.Length - _length < needed)
        {
            Grow(needed);
        }

        _buffer[_length++] = (byte)'"';
        Utf8.FromUtf16(text, _buffer.AsSpan(_length), out _, out var written, replaceInvalidSequences: true);
        return written;
    }

    // Escapes the UTF-8 that BeginText wrote and closes the quote.
    private void EndText(int written)
    {
        var utf8 = _buffer.AsSpan(_length, written);
        var at = utf8.IndexOfAny(NeedsEscape);
        if (at < 0)
        {
            _length += written;
        }
        else
        {
            if (_scratch.Length < written)
            {
                _scratch = new byte[Math.Max(written, _scratch.Length * 2)];
            }

            utf8.CopyTo(_scratch);
            PutEscaped(_scratch.AsSpan(0, written), at);
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
