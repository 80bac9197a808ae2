using Vigil.Storage.Quarantine;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Quarantined input, run on both databases by the derived classes.</summary>
public abstract class QuarantineStoreTests : StoreTests
{
    [Fact]
    public async Task Items_are_listed_newest_first_with_raw_bytes_cut_at_64_KiB()
    {
        var big = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
        await Store.Quarantine.AddAsync(
        [
            new QuarantinedItem(0, "syslog-tcp", "10.0.0.5:514", "malformed RFC 5424 header", Sample.Epoch, [0, 1, 2]),
            new QuarantinedItem(0, "http", "127.0.0.1", "message too large", Sample.Epoch.AddSeconds(1), big),
        ], None);

        var items = await Store.Quarantine.ListAsync(10, None);

        Assert.Equal(["http", "syslog-tcp"], items.Select(i => i.Listener));
        Assert.Equal(big[..65_536], items[0].Raw);
        Assert.Equal(("10.0.0.5:514", "malformed RFC 5424 header", Sample.Epoch), (items[1].Origin, items[1].Reason, items[1].ReceivedAt));
        Assert.Equal([0, 1, 2], items[1].Raw);
        Assert.True(items[0].Id > items[1].Id);
        Assert.Single(await Store.Quarantine.ListAsync(1, None));
    }
}
