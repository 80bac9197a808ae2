using Vigil.Monitoring.Ingest;

namespace Vigil.Monitoring.Tests.Ingest;

public sealed class PayloadBlockPoolTests
{
    [Fact]
    public void The_pool_hands_out_returned_blocks_again_and_keeps_at_most_its_bound()
    {
        var pool = new PayloadBlockPool();
        var first = pool.Rent();
        Assert.Equal(PayloadBlockPool.BlockBytes, first.Length);
        pool.Return([first]);
        Assert.Same(first, pool.Rent());
        Assert.Equal(1, pool.Reused);

        var many = Enumerable.Range(0, PayloadBlockPool.MaxKept + 10).Select(_ => pool.Rent()).ToList();
        pool.Return(many);
        var again = Enumerable.Range(0, PayloadBlockPool.MaxKept + 10).Select(_ => pool.Rent()).ToList();
        Assert.Equal(PayloadBlockPool.MaxKept, again.Count(b => many.Contains(b)));
    }
}
