using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Vigil.Ingestion.Evtx;

/// <summary>Formats the typed values of EVTX binary XML as text, the way the omerbenamram/evtx JSON renders show them.</summary>
/// <remarks>
/// Integers in decimal; hex integers as <c>0x</c> and lowercase digits without padding (<c>0x1eba8</c>); GUIDs
/// uppercase without braces; SIDs as <c>S-1-5-18</c>; FILETIME as ISO 8601 UTC with 7 fraction digits and <c>Z</c>
/// (the renders keep 6); SYSTEMTIME with milliseconds; binary as uppercase hex; strings without trailing NULs and, as in the renders (which
/// SigmaHQ rules are tested against), without trailing whitespace.
/// Stateless and thread-safe.
/// </remarks>
internal static class EvtxValue
{
    private static readonly string[] SmallNumbers =
        [.. Enumerable.Range(0, 1024).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The flag of a value type that marks an array of the base type.</summary>
    public const byte ArrayFlag = 0x80;

    /// <summary>The type of a value holding an embedded binary XML fragment.</summary>
    public const byte BinXml = 0x21;

    /// <summary>The type of an absent value.</summary>
    public const byte Null = 0x00;

    /// <summary>The type of a UTF-16 string.</summary>
    public const byte String = 0x01;

    /// <summary>Adds the text of a value (one string, or one per element of an array) to <paramref name="target"/>.</summary>
    /// <exception cref="EvtxFormatException">The size does not fit the type.</exception>
    public static void Format(byte type, ReadOnlySpan<byte> data, List<string> target)
    {
        if ((type & ArrayFlag) == 0)
        {
            target.Add(Scalar(type, data));
            return;
        }

        var baseType = (byte)(type & ~ArrayFlag);
        switch (baseType)
        {
            case String:
                AddSplit(Encoding.Unicode.GetString(EvenLength(data)), target);
                break;
            case 0x02:
                AddSplit(Encoding.Latin1.GetString(data), target);
                break;
            case 0x13:
                while (data.Length >= 8)
                {
                    var size = 8 + (4 * data[1]);
                    if (size > data.Length)
                    {
                        throw new EvtxFormatException("a SID array element runs past its value");
                    }

                    target.Add(Scalar(0x13, data[..size]));
                    data = data[size..];
                }

                break;
            default:
                var width = FixedSize(baseType);
                if (width == 0)
                {
                    throw new EvtxFormatException($"an array of value type 0x{baseType:x2} has no fixed size");
                }

                for (var i = 0; i + width <= data.Length; i += width)
                {
                    target.Add(Scalar(baseType, data.Slice(i, width)));
                }

                break;
        }
    }

    /// <summary>The size of a value of a fixed-size type, or 0 for variable-size types.</summary>
    public static int FixedSize(byte type) => type switch
    {
        0x03 or 0x04 => 1,
        0x05 or 0x06 => 2,
        0x07 or 0x08 or 0x0b or 0x0d or 0x14 => 4,
        0x09 or 0x0a or 0x0c or 0x11 or 0x15 => 8,
        0x0f or 0x12 => 16,
        _ => 0,
    };

    private static string Scalar(byte type, ReadOnlySpan<byte> d)
    {
        var size = FixedSize(type);
        if (size > 0 && d.Length < size)
        {
            throw new EvtxFormatException($"a value of type 0x{type:x2} has {d.Length} bytes, fewer than its {size}");
        }

        var c = CultureInfo.InvariantCulture;
        return type switch
        {
            String => Encoding.Unicode.GetString(EvenLength(d)).TrimEnd('\0').TrimEnd(),
            0x02 => Encoding.Latin1.GetString(d).TrimEnd('\0'),
            0x03 => ((sbyte)d[0]).ToString(c),
            0x04 => Unsigned(d[0]),
            0x05 => BinaryPrimitives.ReadInt16LittleEndian(d).ToString(c),
            0x06 => Unsigned(BinaryPrimitives.ReadUInt16LittleEndian(d)),
            0x07 => BinaryPrimitives.ReadInt32LittleEndian(d).ToString(c),
            0x08 => Unsigned(BinaryPrimitives.ReadUInt32LittleEndian(d)),
            0x09 => BinaryPrimitives.ReadInt64LittleEndian(d).ToString(c),
            0x0a => Unsigned(BinaryPrimitives.ReadUInt64LittleEndian(d)),
            0x0b => BinaryPrimitives.ReadSingleLittleEndian(d).ToString(c),
            0x0c => BinaryPrimitives.ReadDoubleLittleEndian(d).ToString(c),
            0x0d => BinaryPrimitives.ReadInt32LittleEndian(d) != 0 ? "true" : "false",
            0x0f => new Guid(d[..16]).ToString("D").ToUpperInvariant(),
            0x10 => Hex(d.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(d)
                : d.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(d) : throw new EvtxFormatException("a size value is too short")),
            0x11 => FileTime(BinaryPrimitives.ReadInt64LittleEndian(d)),
            0x12 => SystemTime(d),
            0x13 => Sid(d),
            0x14 => Hex(BinaryPrimitives.ReadUInt32LittleEndian(d)),
            0x15 => Hex(BinaryPrimitives.ReadUInt64LittleEndian(d)),
            _ => Convert.ToHexString(d),
        };
    }

    /// <summary>A FILETIME (100 ns ticks since 1601) as ISO 8601 UTC, or the raw number when out of range.</summary>
    public static string FileTime(long ticks)
    {
        const long EpochDifference = 504911232000000000; // 1601-01-01 in .NET ticks
        return ticks < 0 || ticks > DateTime.MaxValue.Ticks - EpochDifference
            ? ticks.ToString(CultureInfo.InvariantCulture)
            : new DateTime(ticks + EpochDifference, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
    }

    // Small numbers (EventID, Level, Task, Opcode, process ids) are most values: share their strings.
    private static string Unsigned(ulong value) =>
        value < (ulong)SmallNumbers.Length ? SmallNumbers[value] : value.ToString(CultureInfo.InvariantCulture);

    private static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    private static ReadOnlySpan<byte> EvenLength(ReadOnlySpan<byte> data) => data[..(data.Length & ~1)];

    private static void AddSplit(string joined, List<string> target)
    {
        var text = joined.AsSpan().TrimEnd('\0');
        foreach (var range in text.Split('\0'))
        {
            target.Add(new string(text[range]));
        }
    }

    private static string SystemTime(ReadOnlySpan<byte> d)
    {
        Span<int> p = stackalloc int[8];
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = BinaryPrimitives.ReadUInt16LittleEndian(d[(2 * i)..]);
        }

        // Field 2 is the day of the week.
        return string.Create(CultureInfo.InvariantCulture,
            $"{p[0]:D4}-{p[1]:D2}-{p[3]:D2}T{p[4]:D2}:{p[5]:D2}:{p[6]:D2}.{p[7]:D3}Z");
    }

    private static string Sid(ReadOnlySpan<byte> d)
    {
        if (d.Length < 8 || d.Length < 8 + (4 * d[1]))
        {
            throw new EvtxFormatException("a SID is shorter than its sub-authority count");
        }

        ulong authority = 0;
        for (var i = 2; i < 8; i++)
        {
            authority = (authority << 8) | d[i];
        }

        var text = new StringBuilder("S-").Append(d[0]).Append('-').Append(authority);
        for (var i = 0; i < d[1]; i++)
        {
            text.Append('-').Append(BinaryPrimitives.ReadUInt32LittleEndian(d[(8 + (4 * i))..]));
        }

        return text.ToString();
    }
}
