using System.Text.RegularExpressions;
using Vigil.Detection.Matching;

namespace Vigil.Detection.Tests.Matching;

public sealed class RegexMinLengthTests
{
    public static TheoryData<string, int> Patterns => new()
    {
        { @"\s[a-fA-F0-9]{64}\s[a-fA-F0-9]{16}", 82 },
        { "abc", 3 },
        { "a|bc", 1 },
        { "(ab)+c?", 2 },
        { "x{2,5}", 2 },
        { "x{3}", 3 },
        { "x{2,}?y", 3 },
        { "x{,3}", 5 },
        { "a{b", 3 },
        { "^$", 0 },
        { "(?i)abc", 3 },
        { "(?i:ab)c", 3 },
        { "(?=abc)d", 1 },
        { "(?<!a)b", 1 },
        { "(?<name>ab)c", 3 },
        { "(?'n'ab)", 2 },
        { @"a\b", 1 },
        { @"(a)\1", 0 },
        { @"[\]]x", 2 },
        { "[]a]", 1 },
        { "[a-z-[aeiou]]b", 2 },
        { @"\p{L}{2}", 2 },
        { "(?#comment)ab", 2 },
        { "(?x) a b", 0 },
        { "a*", 0 },
        { "(?:ab|c){2}", 2 },
        { @"\x41\u0042\cA\012", 4 },
        { "😀", 2 },
        { @"https?://(?:0[0-9]{1,11}\.){3}0[0-9]{1,11}", 18 },
        { "(a|)", 0 },
        { "(?(a)b|c)", 0 },
        { "a)", 0 },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void The_minimum_is_what_every_match_needs_and_never_more(string pattern, int expected)
    {
        Assert.Equal(expected, RegexMinLength.Of(pattern));
        if (!IsValid(pattern))
        {
            return;
        }

        // Sound: no match the engine finds, in texts built to hold many, is shorter than the minimum.
        var regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        var random = new Random(pattern.Length);
        const string Alphabet = "abcxyzABC0123456789 {},.:/\\]😀";
        for (var round = 0; round < 400; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 120)).Select(_ => Alphabet.Substring(random.Next(Alphabet.Length), 1)));
            foreach (Match m in regex.Matches(text))
            {
                Assert.True(m.Length >= expected, $"'{pattern}' matched '{m.Value}' ({m.Length} characters) below {expected}");
            }
        }
    }

    [Theory]
    [InlineData(@"\s[a-fA-F0-9]{64}\s[a-fA-F0-9]{16}")]
    [InlineData(@"https?://[0-9]{1,3}\.0[0-9]{3,7}")]
    public void A_value_shorter_than_the_minimum_never_matches_and_a_long_enough_one_still_can(string pattern)
    {
        var predicate = RegexPredicate.Create(pattern, ignoreCase: false, multiline: false, singleline: false, out _)!;
        var minimum = RegexMinLength.Of(pattern);
        var matching = pattern.StartsWith('\\')
            ? " " + new string('a', 64) + " " + new string('0', 16)
            : "http://1.0123";
        Assert.Equal(minimum, matching.Length);
        Assert.True(predicate.Test(matching, new Vigil.Events.LogEvent()));
        Assert.False(predicate.Test(matching[..^1], new Vigil.Events.LogEvent()));
    }

    private static bool IsValid(string pattern)
    {
        try
        {
            _ = new Regex(pattern);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
