using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Named state values, run on both databases by the derived classes.</summary>
public abstract class KeyValueStoreTests : StoreTests
{
    [Fact]
    public async Task Values_are_set_replaced_and_kept_across_reopening()
    {
        Assert.Null(await Store.State.GetAsync("tail:/var/log/mail.log", None));

        await Store.State.SetAsync("tail:/var/log/mail.log", "100", None);
        await Store.State.SetAsync("tail:/var/log/mail.log", "2048", None);
        await ReopenAsync();

        Assert.Equal("2048", await Store.State.GetAsync("tail:/var/log/mail.log", None));
    }
}
