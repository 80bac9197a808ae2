using Vigil.Detection.Prefilter;

namespace Vigil.Detection.Tests.Prefilter;

public sealed class MemoizedScanTests
{
    private static readonly (string Literal, AtomKind Kind)[] Literals =
    [
        ("EVIL", AtomKind.Substring), ("/C", AtomKind.Substring), ("\\CMD.EXE", AtomKind.Suffix), ("C:\\TEMP\\", AtomKind.Prefix),
        ("SYSTEM", AtomKind.Whole), ("-ENC ", AtomKind.Substring), ("RUNDLL32", AtomKind.Substring),
    ];

    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 40)]
    [InlineData(3, 5000)]
    public void Values_report_the_same_candidates_as_a_direct_scan(int seed, int distinct)
    {
        // Few distinct values: the cache answers; many: it steps aside and comes back. Long values are never kept.
        var random = new Random(seed);
        var pool = Enumerable.Range(0, distinct).Select(_ => Value(random)).ToArray();
        var (own, any) = Indexes();
        var memo = new MemoizedScan(own, any);
        var cached = new CandidateSet(Full());
        var direct = new CandidateSet(Full());
        for (var n = 0; n < 6_000; n++)
        {
            var value = random.Next(50) == 0 ? new string('x', MemoizedScan.MaxLength) + "evil" : pool[random.Next(pool.Length)];
            cached.Clear();
            direct.Clear();
            memo.Scan(value, cached);
            own.Scan(value, direct);
            any.Scan(value, direct);
            Assert.Equal(direct.Items.Order(), cached.Items.Order());
        }
    }

    [Fact]
    public void Values_that_share_a_slot_and_hash_are_told_apart_by_their_text()
    {
        // Same length, same start, middle and end: the same slot and hash, different hits.
        const string Bad = "aaaa" + "evil" + "mmmm" + "xxxx" + "zzzz";
        const string Good = "aaaa" + "good" + "mmmm" + "xxxx" + "zzzz";
        var (own, any) = Indexes();
        var memo = new MemoizedScan(own, any);
        var sink = new CandidateSet(Full());
        for (var n = 0; n < 10; n++)
        {
            sink.Clear();
            memo.Scan(n % 2 == 0 ? Bad : string.Concat("aaaa", "evil", "mmmm", "xxxx", "zzzz"), sink);
            Assert.Equal([0], sink.Items);
            sink.Clear();
            memo.Scan(Good, sink);
            Assert.Empty(sink.Items);
        }
    }

    private static (FieldIndex Own, FieldIndex Any) Indexes() =>
        (new FieldIndex([.. Literals.Select(static (l, i) => (l.Literal, l.Kind, CandidateSet.Payload(i, 0)))]),
         new FieldIndex([("MIMIKATZ", AtomKind.Substring, CandidateSet.Payload(Literals.Length, 0))]));

    private static byte[] Full() => Enumerable.Repeat((byte)1, Literals.Length + 1).ToArray();

    private static string Value(Random random)
    {
        string[] parts = ["evil", "/c", "\\cmd.exe", "c:\\temp\\", "system", "-enc ", "rundll32", "mimikatz", "abc", " ", "\\", "Z"];
        return string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => parts[random.Next(parts.Length)]));
    }
}
