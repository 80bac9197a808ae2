using Vigil.Detection.Prefilter;

namespace Vigil.Detection.Tests.Prefilter;

public sealed class GramScannerTests
{
    // Letters in both cases, path and command-line punctuation, and non-ASCII characters with and without case
    // (dotless i upper-cases to I, the Kelvin sign does not fold to K): enough collisions to exercise every path.
    private const string Mixed = "abcdeABCDE .\\-:/éÉıK\u212A😀";

    // ASCII only: small sets of ASCII literals take the vectorised first pass.
    private const string Ascii = "abcdeABCDE .\\-:/K";

    [Theory]
    [InlineData(5, 1, Ascii)]
    [InlineData(40, 2, Ascii)]
    [InlineData(5, 3, Mixed)]
    [InlineData(40, 4, Mixed)]
    [InlineData(400, 5, Mixed)]
    [InlineData(3000, 6, Mixed)]
    [InlineData(400, 7, Ascii)]
    [InlineData(3000, 8, Ascii)]
    [InlineData(400, 9, Mixed, Ascii)]
    [InlineData(3000, 10, Mixed, Ascii)]
    [InlineData(400, 11, Ascii, null, 40)]
    [InlineData(3000, 12, Mixed, Ascii, 40)]
    public void Scan_reports_exactly_the_literals_that_occur_case_insensitively(int literals, int seed, string alphabet, string? textAlphabet = null, int longest = 11)
    {
        // ASCII text takes the scan over folded bytes; literals outside ASCII must then never be reported.
        textAlphabet ??= alphabet;
        var random = new Random(seed);
        var patterns = Enumerable.Range(0, literals).Select(_ => Text(random, alphabet, random.Next(1, longest + 1)).ToUpperInvariant()).ToArray();
        var scanner = new GramScanner([.. patterns.Select(static (p, i) => (p, CandidateSet.Payload(i, 0)))]);
        var sink = new CandidateSet(Enumerable.Repeat((byte)1, literals).ToArray());
        for (var round = 0; round < 300; round++)
        {
            // Texts built partly from the literals themselves (case flipped), so that most literals are found somewhere.
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(3) == 0
                ? Flip(random, patterns[random.Next(literals)])
                : Text(random, textAlphabet, random.Next(0, 30))));
            sink.Clear();
            scanner.Scan(text, sink);
            var expected = Enumerable.Range(0, literals).Where(i => Fold(text).Contains(patterns[i], StringComparison.Ordinal)).ToArray();
            Assert.Equal(expected, sink.Items.Order().ToArray());
        }
    }

    [Fact]
    public void A_literal_is_reported_in_every_value_it_occurs_in()
    {
        // Each value's hits depend on that value alone, so that a cache of repeated values can replay them.
        var scanner = new GramScanner([("MIMIKATZ", CandidateSet.Payload(0, 0))]);
        var sink = new CandidateSet([1]);
        sink.Clear();
        scanner.Scan("run mimikatz.exe", sink);
        sink.StartRecording();
        scanner.Scan("mimikatz again", sink);
        Assert.Equal([CandidateSet.Payload(0, 0)], sink.StopRecording().ToArray());
    }

    [Fact]
    public void A_literal_found_once_in_an_event_is_reported_again_in_the_next_event()
    {
        var scanner = new GramScanner([("MIMIKATZ", CandidateSet.Payload(0, 0)), ("SEKURLSA::", CandidateSet.Payload(1, 0))]);
        var sink = new CandidateSet([1, 1]);
        scanner.Scan("run mimikatz.exe", sink);
        scanner.Scan("MimiKatz again, then sekurlsa::logonpasswords", sink);
        Assert.Equal([0, 1], sink.Items);

        sink.Clear();
        scanner.Scan("c:\\tools\\MIMIKATZ", sink);
        Assert.Equal([0], sink.Items);
    }

    [Theory]
    [InlineData("/C", "cmd /c whoami", true)]
    [InlineData("/C", "cmd.exe", false)]
    [InlineData("-E", "-e", true)]
    [InlineData("X", "a long value without it", false)]
    [InlineData("X", "a long value with it at the end: x", true)]
    [InlineData("😠", "a=  b", false)]
    [InlineData("😠", "a😠b", true)]
    [InlineData("♟", "A_B", false)]
    [InlineData("${", "${env:x}", true)]
    [InlineData("${", "$ {", false)]
    [InlineData("-F", "x-f", true)]
    [InlineData("-F", "f-", false)]
    [InlineData("`", "`", true)]
    [InlineData("`", "a`b", true)]
    [InlineData("`", "'", false)]
    [InlineData("NET", "net", true)]
    [InlineData("NET", "a ne t", false)]
    [InlineData(" /C", "cmd /C x", true)]
    [InlineData(" /C", "/c", false)]
    [InlineData("AB", "ab", true)]
    [InlineData("AB", "ba", false)]
    public void Literals_shorter_than_a_gram_are_found_anywhere(string literal, string text, bool found)
    {
        var scanner = new GramScanner([(literal, CandidateSet.Payload(0, 0)), ("SEKURLSA::", CandidateSet.Payload(1, 0))]);
        var sink = new CandidateSet([1, 1]);
        scanner.Scan(text, sink);
        Assert.Equal(found, sink.Items.Contains(0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Short_literals_are_found_at_every_position_of_ascii_text(int seed)
    {
        // Literals of one to three characters, with and without others, at the start, middle and end of texts of
        // every length: the gate over the last three bytes must let each one through wherever it ends.
        var random = new Random(seed);
        const string Alphabet = "ab-/ $`{";
        var literals = Enumerable.Range(0, 12).Select(i => Text(random, Alphabet, 1 + (i % 3)).ToUpperInvariant()).Distinct().ToArray();
        var scanner = new GramScanner([.. literals.Select(static (l, i) => (l, CandidateSet.Payload(i, 0))), ("SEKURLSA::", CandidateSet.Payload(literals.Length, 0))]);
        var sink = new CandidateSet(Enumerable.Repeat((byte)1, literals.Length + 1).ToArray());
        for (var round = 0; round < 2_000; round++)
        {
            var text = Text(random, Alphabet, random.Next(0, 12));
            sink.Clear();
            scanner.Scan(text, sink);
            var expected = Enumerable.Range(0, literals.Length).Where(i => Fold(text).Contains(literals[i], StringComparison.Ordinal)).ToArray();
            Assert.Equal(expected, sink.Items.Order().ToArray());
        }
    }

    [Fact]
    public void An_empty_literal_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new GramScanner([("", 0)]));
    }

    private static string Text(Random random, string alphabet, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => alphabet.Substring(random.Next(alphabet.Length), 1)));

    private static string Flip(Random random, string s) =>
        string.Concat(s.Select(c => random.Next(2) == 0 ? char.ToLowerInvariant(c) : c));

    private static string Fold(string text) => string.Concat(text.Select(char.ToUpperInvariant));
}
