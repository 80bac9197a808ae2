using Vigil.Detection.Analytics;

namespace Vigil.Detection.Tests.Analytics;

public sealed class BoundedMapTests
{
    [Theory]
    [InlineData(10, 1)]
    [InlineData(100, 10)]
    [InlineData(1000, 100)]
    public void When_full_the_least_recently_used_tenth_goes(int capacity, int dropped)
    {
        var map = new BoundedMap<int, int>(capacity);
        for (var i = 0; i < capacity; i++)
        {
            map.Set(i, i);
        }

        // Use the first half again in reverse, so the least recently used are the second half's oldest.
        for (var i = (capacity / 2) - 1; i >= 0; i--)
        {
            Assert.True(map.TryGet(i, out _));
        }

        map.Set(capacity, capacity);

        var expectedGone = Enumerable.Range(capacity / 2, dropped).ToHashSet();
        var kept = map.Entries.Select(static p => p.Key).ToHashSet();
        Assert.Equal(capacity - dropped + 1, map.Count);
        Assert.Equal(dropped, map.Evicted);
        Assert.All(expectedGone, key => Assert.DoesNotContain(key, kept));
        Assert.Contains(capacity, kept);
    }
}
