using Vigil.Storage.Events;

namespace Vigil.Storage.Tests.Events;

public sealed class EventIdsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(EventIds.ChunkLength - 1)]
    [InlineData(EventIds.ChunkLength)]
    [InlineData(EventIds.ChunkLength + 1)]
    [InlineData((2 * EventIds.ChunkLength) + 5)]
    public void Ids_read_back_by_index_enumeration_and_slices_across_chunks(int count)
    {
        var ids = new EventIds(count);
        for (var i = 0; i < count; i++)
        {
            ids[i] = 1000 + (3L * i);
        }

        var expected = Enumerable.Range(0, count).Select(static i => 1000 + (3L * i)).ToArray();
        Assert.Equal(count, ids.Count);
        Assert.Equal(expected, ids);
        Assert.Equal(expected, Enumerable.Range(0, count).Select(i => ids[i]));
        foreach (var (start, length) in new[] { (0, count), (0, 0), (count / 3, count / 2), (Math.Max(0, count - 7), Math.Min(7, count)) })
        {
            Assert.Equal(expected.AsSpan(start, length).ToArray(), ids.Slice(start, length));
        }
    }

    [Fact]
    public void Indexes_and_slices_outside_the_ids_are_refused()
    {
        var ids = new EventIds(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => ids[10]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ids[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ids.Slice(5, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => ids.Slice(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventIds(-1));
    }
}
