using System.Text;

namespace Vigil.Vulnerabilities.Feeds.Formats;

/// <summary>Reads RFC 4180 CSV records one at a time (quoted fields may hold commas, quotes and line breaks).</summary>
/// <remarks>Streams: one record in memory at a time. A quote left open at the end of the file is reported, not thrown.</remarks>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly TextReader _reader = reader;
    private readonly StringBuilder _field = new();
    private int _line;

    /// <summary>The line on which the last record returned starts (1-based).</summary>
    public int RecordLine { get; private set; }

    /// <summary>Why the last record was malformed, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The next record's fields, or null at the end of the input.</summary>
    public List<string>? Next()
    {
        Error = null;
        var text = _reader.ReadLine();
        if (text is null)
        {
            return null;
        }

        _line++;
        RecordLine = _line;
        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        var position = 0;
        while (true)
        {
            if (position >= text.Length)
            {
                if (!quoted)
                {
                    break;
                }

                var more = _reader.ReadLine();
                if (more is null)
                {
                    Error = "a quoted field is not closed before the end of the file";
                    break;
                }

                _line++;
                _field.Append('\n');
                text = more;
                position = 0;
                continue;
            }

            var c = text[position++];
            if (quoted)
            {
                if (c != '"')
                {
                    _field.Append(c);
                }
                else if (position < text.Length && text[position] == '"')
                {
                    _field.Append('"');
                    position++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && _field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(_field.ToString());
                _field.Clear();
            }
            else
            {
                _field.Append(c);
            }
        }

        fields.Add(_field.ToString());
        return fields;
    }
}
