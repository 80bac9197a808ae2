namespace Vigil.Detection.Conditions;

/// <summary>
/// Parses Sigma conditions: <c>and</c>, <c>or</c>, <c>not</c>, parentheses, <c>1 of</c>/<c>any of</c>/<c>all of</c>
/// (and <c>N of</c>) over identifiers, wildcard patterns and <c>them</c>. Precedence: not, then and, then or.
/// </summary>
/// <remarks>Bad input returns an error naming the position and what was expected; it never throws.</remarks>
internal static class ConditionParser
{
    public static ConditionNode? Parse(string text, out string? error)
    {
        if (text.Contains('|', StringComparison.Ordinal))
        {
            error = "pipe aggregations ('| count() ...') were removed from Sigma; write a correlation rule instead";
            return null;
        }

        List<Token> tokens;
        try
        {
            tokens = Tokenize(text);
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }

        var position = 0;
        try
        {
            var node = ParseOr(tokens, ref position);
            if (position < tokens.Count)
            {
                error = $"unexpected '{tokens[position].Text}' at position {tokens[position].Offset + 1}";
                return null;
            }

            error = null;
            return node;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static ConditionNode ParseOr(List<Token> tokens, ref int position)
    {
        var left = ParseAnd(tokens, ref position);
        while (IsWord(tokens, position, "or"))
        {
            position++;
            left = new OrNode(left, ParseAnd(tokens, ref position));
        }

        return left;
    }

    private static ConditionNode ParseAnd(List<Token> tokens, ref int position)
    {
        var left = ParseNot(tokens, ref position);
        while (IsWord(tokens, position, "and"))
        {
            position++;
            left = new AndNode(left, ParseNot(tokens, ref position));
        }

        return left;
    }

    private static ConditionNode ParseNot(List<Token> tokens, ref int position)
    {
        if (IsWord(tokens, position, "not"))
        {
            position++;
            return new NotNode(ParseNot(tokens, ref position));
        }

        return ParsePrimary(tokens, ref position);
    }

    private static ConditionNode ParsePrimary(List<Token> tokens, ref int position)
    {
        if (position >= tokens.Count)
        {
            throw new FormatException("the condition ends where an identifier or '(' was expected");
        }

        var token = tokens[position];
        if (token.Text == "(")
        {
            position++;
            var inner = ParseOr(tokens, ref position);
            if (position >= tokens.Count || tokens[position].Text != ")")
            {
                throw new FormatException($"missing ')' for the '(' at position {token.Offset + 1}");
            }

            position++;
            return inner;
        }

        if (token.Text is ")" || IsKeyword(token.Text))
        {
            throw new FormatException($"unexpected '{token.Text}' at position {token.Offset + 1}");
        }

        if (IsWord(tokens, position + 1, "of"))
        {
            int? count;
            if (token.Text.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                count = null;
            }
            else if (token.Text.Equals("any", StringComparison.OrdinalIgnoreCase))
            {
                count = 1;
            }
            else if (int.TryParse(token.Text, out var n) && n > 0)
            {
                count = n;
            }
            else
            {
                throw new FormatException($"'{token.Text} of' at position {token.Offset + 1}: expected '1 of', 'any of' or 'all of'");
            }

            position += 2;
            if (position >= tokens.Count || tokens[position].Text is "(" or ")" || IsKeyword(tokens[position].Text))
            {
                throw new FormatException($"'{token.Text} of' at position {token.Offset + 1} needs an identifier pattern or 'them'");
            }

            var target = tokens[position++].Text;
            return new QuantifierNode(count, target.Equals("them", StringComparison.OrdinalIgnoreCase) ? null : target);
        }

        position++;
        return new IdentifierNode(token.Text);
    }

    private static bool IsWord(List<Token> tokens, int position, string word) =>
        position < tokens.Count && tokens[position].Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsKeyword(string text) =>
        text.Equals("and", StringComparison.OrdinalIgnoreCase)
        || text.Equals("or", StringComparison.OrdinalIgnoreCase)
        || text.Equals("not", StringComparison.OrdinalIgnoreCase)
        || text.Equals("of", StringComparison.OrdinalIgnoreCase);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new Token(c.ToString(), i));
                i++;
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '*' or '-' or '.' or '?')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '*' or '-' or '.' or '?'))
                {
                    i++;
                }

                tokens.Add(new Token(text[start..i], start));
            }
            else
            {
                throw new FormatException($"unexpected character '{c}' at position {i + 1}");
            }
        }

        if (tokens.Count == 0)
        {
            throw new FormatException("the condition is empty");
        }

        return tokens;
    }

    private readonly record struct Token(string Text, int Offset);
}
