using Vigil.Detection.Matching;

namespace Vigil.Detection.Tests.Prefilter;

public sealed class RegexLiteralsTests
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("(?i)invoke-expression", "invoke-expression")]
    [InlineData("^cmd\\.exe /c", "cmd.exe /c")]
    [InlineData("abcd?e", "abc")]
    [InlineData("ab*cdefg", "cdefg")]
    [InlineData("xyz+q", "xyz")]
    [InlineData("hello(world)?there", "hello")]
    [InlineData("foo|barbaz", null)]
    [InlineData("(foo|bar)", null)]
    [InlineData("[abc]{3}defg", "defg")]
    [InlineData("\\x41BCD", "BCD")]
    [InlineData("\\u0041XYZ", "XYZ")]
    [InlineData("\\d{2,3}abcd", "abcd")]
    [InlineData("a{0,1}bc", null)]
    [InlineData("ab", null)]
    [InlineData("\\p{L}+word", "word")]
    [InlineData("(?x)a b c d", null)]
    [InlineData("\\n\\n\\n\\n\\n\\n", "\n\n\n\n\n\n")]
    [InlineData("a\\tbc\\r\\n", "a\tbc\r\n")]
    [InlineData("x\\n?yzw", "yzw")]
    public void Required_literal_is_one_every_match_contains(string pattern, string? expected)
    {
        Assert.Equal(expected, RegexLiterals.Required(pattern, ignoreCase: true));
    }

    [Theory]
    [InlineData("\\w+`(?:\\w+|-|.)`[\\w+|\\s]", false, "`")]
    [InlineData("\"(?:\\{\\d\\})+\"\\s*-f", false, "-f")]
    [InlineData("\"(?:\\{\\d\\})+\"\\s*-f", true, null)]
    [InlineData("(?i)\\$\\{`?e`?n`?v", false, "${")]
    [InlineData("ab", false, "ab")]
    [InlineData("ab", true, null)]
    [InlineData("x(?i:ab)", false, null)]
    [InlineData("a{0,1}bc", false, "bc")]
    public void Shorter_literals_are_kept_where_case_cannot_matter(string pattern, bool ignoreCase, string? expected)
    {
        Assert.Equal(expected, RegexLiterals.Required(pattern, ignoreCase));
    }

    [Theory]
    [InlineData("^cmd\\.exe /c", "CMD.EXE /C whoami")]
    [InlineData("\\x41BCD", "ABCD")]
    [InlineData("ab*cdefg", "acdefg")]
    [InlineData("[abc]{3}defg", "abcdefg")]
    public void The_literal_occurs_in_a_real_match(string pattern, string text)
    {
        Assert.Matches(new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase), text);
        Assert.Contains(RegexLiterals.Required(pattern, ignoreCase: true)!, text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("a\n\n\n\n\n\nb", true)]
    [InlineData("a\n\n\n\n\nb", false)]
    [InlineData("a\r\n\tb", true)]
    public void Control_escapes_in_a_regex_give_the_prefilter_a_literal_and_still_match(string commandLine, bool expected)
    {
        const string Detection = """
            selection:
                CommandLine|re:
                    - '\n\n\n\n\n\n'
                    - '\r\n\t'
            condition: selection
            """;
        Assert.Equal(expected, Support.Sigma.Matches(Detection, Support.Sigma.Event(("CommandLine", commandLine))));
    }
}
