using Vigil.Response.Evidence;

namespace Vigil.Response.Tests.Evidence;

public sealed class CustodyChainTests
{
    [Fact]
    public void An_intact_chain_passes_and_each_kind_of_tampering_names_the_entry()
    {
        var chain = Build(4);
        Assert.Null(CustodyChain.FirstBreak(chain));

        var changed = chain.ToList();
        changed[2] = changed[2] with { Detail = "to=someone-else" };
        Assert.StartsWith("custody entry 3: its content", CustodyChain.FirstBreak(changed), StringComparison.Ordinal);

        var removed = chain.Where(e => e.Sequence != 2).ToList();
        Assert.StartsWith("custody entry 2: missing", CustodyChain.FirstBreak(removed), StringComparison.Ordinal);

        var renumbered = chain.Where(e => e.Sequence != 2).Select(e => e.Sequence > 2 ? e with { Sequence = e.Sequence - 1 } : e).ToList();
        Assert.StartsWith("custody entry 2: its previous hash", CustodyChain.FirstBreak(renumbered), StringComparison.Ordinal);

        var reordered = new[] { chain[0], chain[2] with { Sequence = 2 }, chain[1] with { Sequence = 3 }, chain[3] };
        Assert.StartsWith("custody entry 2", CustodyChain.FirstBreak(reordered), StringComparison.Ordinal);
    }

    [Fact]
    public void Field_boundaries_cannot_be_shifted_without_changing_the_hash()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.NotEqual(
            CustodyChain.HashOf(1, at, 1, null, "export", "ab", "c", CustodyChain.Genesis),
            CustodyChain.HashOf(1, at, 1, null, "export", "a", "bc", CustodyChain.Genesis));
    }

    private static List<CustodyEntry> Build(int count)
    {
        var entries = new List<CustodyEntry>();
        var previous = CustodyChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var at = DateTimeOffset.UnixEpoch.AddMinutes(i);
            var hash = CustodyChain.HashOf(i, at, 1, 5, "transfer", "alice", $"to={i}", previous);
            entries.Add(new CustodyEntry(i, at, 1, 5, "transfer", "alice", $"to={i}", previous, hash));
            previous = hash;
        }

        return entries;
    }
}
