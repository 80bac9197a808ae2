using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigil.Ingestion.Json;

/// <summary>Turns a JSON parser error into a reason that names the fault but none of the input's content.</summary>
/// <remarks>
/// Parser messages quote the offending bytes (<c>'trux' is an invalid JSON literal</c>); a record may hold patient
/// data, so every quoted piece is redacted except the parser's own vocabulary (literals, JSON punctuation).
/// </remarks>
internal static partial class JsonProblemText
{
    private const string Redacted = "'<redacted>'";

    /// <summary>The parser's reason without input content or position (the caller gives the location).</summary>
    public static string Describe(JsonException error)
    {
        var message = error.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position >= 0)
        {
            message = message[..position];
        }

        return Quoted().Replace(message, static match => IsVocabulary(match.Groups[1].ValueSpan) ? match.Value : Redacted).TrimEnd();
    }

    private static bool IsVocabulary(ReadOnlySpan<char> quoted) =>
        quoted is "true" or "false" or "null" or "+" or "-" or "0" or "9" or "," or ":" or "{" or "}" or "[" or "]"
            or "\"" or "\\u" || (quoted.Length == 4 && quoted.StartsWith("0x", StringComparison.Ordinal));

    [GeneratedRegex("'([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();
}
