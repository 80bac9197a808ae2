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

    [Theory]
    [InlineData("\\\\[a-zA-Z0-9]{1,32}\\.[a-zA-Z0-9]{1,6}\\.[ \"']{1}", true, new[] { ". ", ".\"", ".'" })]
    [InlineData("abc[de]", true, new[] { "abcd", "abce" })]
    [InlineData("abc[de]+x", true, new[] { "abcd", "abce" })]
    [InlineData("[ab]c", true, null)]
    [InlineData("[ab]c", false, new[] { "ac", "bc" })]
    [InlineData("abc[de]?", true, null)]
    [InlineData("abc[de]*", true, null)]
    [InlineData("abc[d-f]", true, null)]
    [InlineData("abc[^de]", true, null)]
    [InlineData("abc[\\d.]", true, null)]
    [InlineData("abcdef[gh]", true, new[] { "abcdefg", "abcdefh" })]
    [InlineData("a[bc]|d[ef]", false, null)]
    [InlineData("[abcde]xyz", true, null)]
    public void Small_classes_give_alternatives_when_they_prune_better(string pattern, bool ignoreCase, string[]? expected)
    {
        Assert.Equal(expected, RegexLiterals.RequiredAny(pattern, ignoreCase));
    }

    [Theory]
    [InlineData("cmd /c C:\\Users\\bob\\AppData\\x.dat. ", true)]
    [InlineData("odbcconf /a {regsvr C:\\ProgramData\\abc.cfg.'}", true)]
    [InlineData("cmd /c C:\\Users\\bob\\AppData\\x.dat.exe", false)]
    [InlineData("notepad.exe C:\\notes.txt", false)]
    public void A_regex_pruned_by_alternatives_still_matches_what_it_should(string commandLine, bool expected)
    {
        const string Detection = """
            selection:
                CommandLine|re: '\\[a-zA-Z0-9]{1,32}\.[a-zA-Z0-9]{1,6}\.[ "'']{1}'
            condition: selection
            """;
        Assert.Equal(expected, Support.Sigma.Matches(Detection, Support.Sigma.Event(("CommandLine", commandLine))));
    }
}
