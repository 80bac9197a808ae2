using System.Text;

namespace Vigil.Ingestion.Csv;

/// <summary>Splits one complete CSV record (RFC 4180, without its line break) into cells.</summary>
/// <remarks>
/// A cell is quoted when it starts with <c>"</c>; inside it <c>""</c> is a quote and commas and line breaks are text.
/// A quote in the middle of an unquoted cell is kept as text, as most writers expect. Text after a closing quote is an
/// error. Not thread-safe: one instance per reader, reused for every record.
/// </remarks>
internal sealed class CsvRecord
{
    private int[] _starts = new int[32];
    private int[] _ends = new int[32];
    private bool[] _escaped = new bool[32];
    private byte[] _unescaped = new byte[256];

    /// <summary>How many cells the last record split into.</summary>
    public int Count { get; private set; }

    /// <summary>Splits <paramref name="record"/>; false with a reason when its quoting is broken.</summary>
    public bool TrySplit(ReadOnlySpan<byte> record, out string error)
    {
        Count = 0;
        error = "";
        var pos = 0;
        while (true)
        {
            if (pos < record.Length && record[pos] == '"')
            {
                var end = pos + 1;
                var escaped = false;
                while (true)
                {
                    var quote = record[end..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        error = $"cell {Count + 1} opens a quote that is never closed";
                        return false;
                    }

                    end += quote;
                    if (end + 1 < record.Length && record[end + 1] == '"')
                    {
                        escaped = true;
                        end += 2;
                        continue;
                    }

                    break;
                }

                AddCell(pos + 1, end, escaped);
                pos = end + 1;
                if (pos == record.Length)
                {
                    return true;
                }

                if (record[pos] != ',')
                {
                    error = $"cell {Count} has text after its closing quote";
                    return false;
                }

                pos++;
            }
            else
            {
                var comma = record[pos..].IndexOf((byte)',');
                if (comma < 0)
                {
                    AddCell(pos, record.Length, escaped: false);
                    return true;
                }

                AddCell(pos, pos + comma, escaped: false);
                pos += comma + 1;
            }
        }
    }

    /// <summary>The text of cell <paramref name="index"/> of <paramref name="record"/> (the span last split), quotes undone.</summary>
    /// <remarks>The record must be valid UTF-8; an empty cell is the empty string.</remarks>
    public string Text(ReadOnlySpan<byte> record, int index)
    {
        var cell = record[_starts[index].._ends[index]];
        if (cell.IsEmpty)
        {
            return "";
        }

        if (!_escaped[index])
        {
            return Encoding.UTF8.GetString(cell);
        }

        if (_unescaped.Length < cell.Length)
        {
            _unescaped = new byte[Math.Max(cell.Length, _unescaped.Length * 2)];
        }

        var length = 0;
        for (var i = 0; i < cell.Length; i++)
        {
            _unescaped[length++] = cell[i];
            if (cell[i] == '"')
            {
                i++;
            }
        }

        return Encoding.UTF8.GetString(_unescaped, 0, length);
    }

    private void AddCell(int start, int end, bool escaped)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _ends, Count * 2);
            Array.Resize(ref _escaped, Count * 2);
        }

        _starts[Count] = start;
        _ends[Count] = end;
        _escaped[Count] = escaped;
        Count++;
    }
}
