using System.Buffers.Binary;
using System.Text;

namespace Vigil.Ingestion.Evtx;

/// <summary>Walks the binary XML of EVTX records, expanding templates with their substitutions.</summary>
/// <remarks>
/// Works on one 64 KiB chunk at a time: names and template definitions are chunk-relative offsets, cached per chunk
/// (<see cref="BeginChunk"/>). Every read is bounds-checked against the scope it belongs to (the record, or the
/// template definition), and nesting of elements, templates and embedded fragments is limited to
/// <see cref="MaxDepth"/> and its expansion to <see cref="MaxExpansion"/>, so a template that refers to itself
/// ends as an error instead of a stack overflow, and a record cannot make work grow without bound. Malformed
/// input throws <see cref="EvtxFormatException"/>. Not thread-safe. Over 400 lines on purpose: the token handlers are
/// one mutually recursive grammar, clearer read together than split across files.
/// </remarks>
internal sealed class BinXmlParser(EvtxEventBuilder builder)
{
    /// <summary>How deep elements, template instances and embedded fragments may nest.</summary>
    public const int MaxDepth = 64;

    /// <summary>How many elements, template instances and values one record may expand to.</summary>
    /// <remarks>
    /// Bounds a "billion laughs" record, whose templates reuse a fragment substitution many times at every level: the
    /// depth limit alone would let its work grow exponentially. Real records expand to a few hundred.
    /// </remarks>
    public const int MaxExpansion = 100_000;

    /// <summary>How many bytes of values one record may expand to (a record is at most 64 KiB before expansion).</summary>
    public const int MaxValueBytes = 4 * 1024 * 1024;

    private readonly ChunkNames _names = new();
    private readonly List<string> _values = [];
    private byte[] _chunk = [];
    private (byte Type, int Start, int Size)[] _subs = new (byte, int, int)[64];
    private int _subsTop;
    private int _depth;
    private int _expansion;
    private int _valueBytes;

    /// <summary>Starts reading a new chunk: forgets the names of the previous one.</summary>
    public void BeginChunk(byte[] chunk)
    {
        _chunk = chunk;
        _names.BeginChunk(chunk);
    }

    /// <summary>Parses the binary XML of a record at [<paramref name="start"/>, <paramref name="end"/>) of the chunk.</summary>
    /// <exception cref="EvtxFormatException">The binary XML is malformed.</exception>
    public void ParseRecord(int start, int end)
    {
        _depth = 0;
        _expansion = 0;
        _valueBytes = 0;
        _subsTop = 0;
        var pos = start;
        Fragment(ref pos, end, Scope.None, inSubstitution: false);
    }

    private void Fragment(ref int pos, int end, Scope subs, bool inSubstitution)
    {
        while (pos < end)
        {
            var token = Byte(ref pos, end);
            switch (token & 0xBF)
            {
                case 0x00:
                    return;
                case 0x0F:
                    Need(pos, 3, end);
                    pos += 3;
                    break;
                case 0x0C:
                    TemplateInstance(ref pos, end);
                    break;
                case 0x01:
                    Element(ref pos, end, token, subs, inSubstitution);
                    break;
                default:
                    throw new EvtxFormatException($"unexpected token 0x{token:x2} at offset {pos - 1} outside an element");
            }
        }
    }

    private void Element(ref int pos, int end, byte token, Scope subs, bool inSubstitution)
    {
        Enter();
        if (!inSubstitution)
        {
            Need(pos, 2, end);
            pos += 2; // dependency identifier
        }

        Need(pos, 4, end);
        pos += 4; // data size
        var name = Name(ref pos, end);
        if ((token & 0x40) != 0)
        {
            Need(pos, 4, end);
            pos += 4; // attribute list size
        }

        builder.Start(name);
        while (true)
        {
            var next = Byte(ref pos, end);
            switch (next & 0xBF)
            {
                case 0x06:
                    var attribute = Name(ref pos, end);
                    _values.Clear();
                    var isArray = false;
                    while (pos < end && IsValueToken(_chunk[pos]))
                    {
                        ValueToken(ref pos, end, subs, ref isArray, allowFragments: false);
                    }

                    if (_values.Count > 0)
                    {
                        builder.Attribute(attribute, _values.Count == 1 ? _values[0] : string.Concat(_values));
                    }

                    break;
                case 0x02:
                    Content(ref pos, end, subs, inSubstitution);
                    builder.End();
                    Leave();
                    return;
                case 0x03:
                    builder.End();
                    Leave();
                    return;
                default:
                    throw new EvtxFormatException($"unexpected token 0x{next:x2} at offset {pos - 1} in a start element");
            }
        }
    }

    private void Content(ref int pos, int end, Scope subs, bool inSubstitution)
    {
        while (true)
        {
            var token = _chunk[Peek(pos, end)];
            switch (token & 0xBF)
            {
                case 0x04:
                    pos++;
                    return;
                case 0x01:
                    pos++;
                    Element(ref pos, end, token, subs, inSubstitution);
                    break;
                case 0x0C:
                    pos++;
                    TemplateInstance(ref pos, end);
                    break;
                case 0x0A:
                    pos++;
                    Name(ref pos, end);
                    break;
                case 0x0B:
                    pos++;
                    String16(ref pos, end);
                    break;
                default:
                    if (!IsValueToken(token))
                    {
                        throw new EvtxFormatException($"unexpected token 0x{token:x2} at offset {pos} in element content");
                    }

                    _values.Clear();
                    var isArray = false;
                    ValueToken(ref pos, end, subs, ref isArray, allowFragments: true);
                    if (_values.Count > 0)
                    {
                        builder.Text(_values, isArray);
                    }

                    break;
            }
        }
    }

    private static bool IsValueToken(byte token) => (token & 0xBF) is 0x05 or 0x07 or 0x08 or 0x09 or 0x0D or 0x0E;

    // Reads one value token into _values; an embedded fragment (in content) is walked as elements instead.
    private void ValueToken(ref int pos, int end, Scope subs, ref bool isArray, bool allowFragments)
    {
        Expand();
        var token = Byte(ref pos, end);
        switch (token & 0xBF)
        {
            case 0x05:
                var type = Byte(ref pos, end);
                if (type is not (EvtxValue.String or 0x02))
                {
                    throw new EvtxFormatException($"a value token holds type 0x{type:x2}, not a string");
                }

                _values.Add(String16(ref pos, end));
                break;
            case 0x07:
                _values.Add(String16(ref pos, end));
                break;
            case 0x08:
                _values.Add(((char)UInt16(ref pos, end)).ToString());
                break;
            case 0x09:
                _values.Add(Entity(Name(ref pos, end)));
                break;
            default:
                var id = UInt16(ref pos, end);
                Byte(ref pos, end); // declared type; the substitution's own type is authoritative
                Substitute(subs, id, (token & 0xBF) == 0x0E, ref isArray, allowFragments);
                break;
        }
    }

    private void Substitute(Scope subs, int id, bool optional, ref bool isArray, bool allowFragments)
    {
        if (subs.Count < 0)
        {
            if (optional)
            {
                return;
            }

            throw new EvtxFormatException($"substitution {id} outside a template instance");
        }

        if (id >= subs.Count)
        {
            return;
        }

        var (type, start, size) = _subs[subs.Base + id];
        Produce(size);
        if (type == EvtxValue.Null || size == 0)
        {
            return;
        }

        if (type == EvtxValue.BinXml)
        {
            if (!allowFragments)
            {
                return;
            }

            // The fragment's elements belong to the open element; text gathered so far stays before them.
            if (_values.Count > 0)
            {
                builder.Text(_values, isArray);
                _values.Clear();
            }

            Enter();
            var pos = start;
            Fragment(ref pos, start + size, Scope.None, inSubstitution: true);
            Leave();
            _values.Clear();
            return;
        }

        if ((type & EvtxValue.ArrayFlag) != 0)
        {
            isArray = true;
        }

        EvtxValue.Format(type, _chunk.AsSpan(start, size), _values);
    }

    private void TemplateInstance(ref int pos, int end)
    {
        Enter();
        Need(pos, 9, end);
        pos += 5; // unknown byte, template id
        var definition = (int)UInt32(ref pos, end);
        int bodyStart, bodySize;
        if (definition == pos)
        {
            Need(pos, 24, end);
            bodySize = (int)BinaryPrimitives.ReadUInt32LittleEndian(_chunk.AsSpan(pos + 20));
            bodyStart = pos + 24;
            Need(bodyStart, bodySize, end);
            pos = bodyStart + bodySize;
        }
        else
        {
            if (definition < EvtxChunk.HeaderSize || definition > _chunk.Length - 24)
            {
                throw new EvtxFormatException($"a template definition offset {definition} is outside the chunk");
            }

            bodySize = (int)BinaryPrimitives.ReadUInt32LittleEndian(_chunk.AsSpan(definition + 20));
            bodyStart = definition + 24;
            Need(bodyStart, bodySize, _chunk.Length);
        }

        var count = (int)UInt32(ref pos, end);
        if (count < 0 || count > (end - pos) / 4)
        {
            throw new EvtxFormatException($"a template instance declares {count} substitutions, more than fit the record");
        }

        var scope = new Scope(_subsTop, count);
        if (_subs.Length < _subsTop + count)
        {
            Array.Resize(ref _subs, Math.Max(_subs.Length * 2, _subsTop + count));
        }

        var data = pos + (4 * count);
        for (var i = 0; i < count; i++)
        {
            var size = BinaryPrimitives.ReadUInt16LittleEndian(_chunk.AsSpan(pos + (4 * i)));
            var type = _chunk[pos + (4 * i) + 2];
            Need(data, size, end);
            _subs[_subsTop + i] = (type, data, size);
            data += size;
        }

        pos = data;
        _subsTop += count;
        var body = bodyStart;
        Fragment(ref body, bodyStart + bodySize, scope, inSubstitution: false);
        _subsTop = scope.Base;
        Leave();
    }

    private string Name(ref int pos, int end)
    {
        var offset = (int)UInt32(ref pos, end);
        if (offset == pos)
        {
            var name = _names.At(offset);
            pos = offset + ChunkNames.SizeAt(_chunk, offset);
            Need(pos, 0, end);
            return name;
        }

        return _names.At(offset);
    }

    private static string Entity(string name) => name switch
    {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "&" + name + ";",
    };

    private string String16(ref int pos, int end)
    {
        var length = UInt16(ref pos, end);
        Need(pos, 2 * length, end);
        Produce(2 * length);
        var text = Encoding.Unicode.GetString(_chunk, pos, 2 * length);
        pos += 2 * length;
        return text;
    }

    private void Expand()
    {
        if (++_expansion > MaxExpansion)
        {
            throw new EvtxFormatException($"the record expands to more than {MaxExpansion} elements and values");
        }
    }

    private void Produce(int bytes)
    {
        _valueBytes += bytes;
        if (_valueBytes > MaxValueBytes)
        {
            throw new EvtxFormatException($"the record expands to more than {MaxValueBytes} bytes of values");
        }
    }

    private void Enter()
    {
        Expand();
        if (++_depth > MaxDepth)
        {
            throw new EvtxFormatException($"elements and templates nest deeper than {MaxDepth} (a template cycle?)");
        }
    }

    private void Leave() => _depth--;

    private byte Byte(ref int pos, int end)
    {
        Need(pos, 1, end);
        return _chunk[pos++];
    }

    private ushort UInt16(ref int pos, int end)
    {
        Need(pos, 2, end);
        var value = BinaryPrimitives.ReadUInt16LittleEndian(_chunk.AsSpan(pos));
        pos += 2;
        return value;
    }

    private uint UInt32(ref int pos, int end)
    {
        Need(pos, 4, end);
        var value = BinaryPrimitives.ReadUInt32LittleEndian(_chunk.AsSpan(pos));
        pos += 4;
        return value;
    }

    private static int Peek(int pos, int end)
    {
        Need(pos, 1, end);
        return pos;
    }

    private static void Need(int pos, int count, int end) => EvtxChunk.Need(pos, count, end);

    // The substitutions of the template instance being expanded: a slice of _subs; Count -1 outside any instance.
    private readonly record struct Scope(int Base, int Count)
    {
        public static Scope None => new(0, -1);
    }
}
