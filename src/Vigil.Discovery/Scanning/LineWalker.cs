namespace Vigil.Discovery.Scanning;

/// <summary>
/// Walks forward through a text, counting lines and paragraphs (blank-line separated) up to each offset asked for; in
/// a header block, also the name of the header each line belongs to (continuation lines belong to the one before).
/// </summary>
internal sealed class LineWalker(string text, bool headers)
{
    private int _position;
    private int _lineStart;
    private int _line;
    private int _paragraph;
    private string? _header = headers ? HeaderName(text, 0) : null;

    public (int Line, int Paragraph, string? Header) MoveTo(int offset)
    {
        while (true)
        {
            var next = text.AsSpan(_position, offset - _position).IndexOf('\n');
            if (next < 0)
            {
                _position = offset;
                return (_line, _paragraph, _header);
            }

            var newline = _position + next;
            if (text.AsSpan(_lineStart, newline - _lineStart).IsWhiteSpace())
            {
                _paragraph++;
            }

            _line++;
            _position = _lineStart = newline + 1;
            if (headers && _lineStart < text.Length && text[_lineStart] is not (' ' or '\t'))
            {
                _header = HeaderName(text, _lineStart);
            }
        }
    }

    private static string? HeaderName(string text, int start)
    {
        var end = start;
        while (end < text.Length && end - start < 40 && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '-'))
        {
            end++;
        }

        return end > start && end < text.Length && text[end] == ':' ? text[start..end] : null;
    }
}
