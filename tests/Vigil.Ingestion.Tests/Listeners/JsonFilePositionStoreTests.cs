using Vigil.Ingestion.Listeners;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Listeners;

public sealed class JsonFilePositionStoreTests
{
    [Fact]
    public async Task Saved_positions_are_read_back_by_a_new_store()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "deep", "positions.json");
        using (var store = new JsonFilePositionStore(file))
        {
            await store.SaveAsync(new FilePosition("/var/log/a.log", "1:2", 10), default);
            await store.SaveAsync(new FilePosition("/var/log/b.log", "1:3", 20), default);
            await store.SaveAsync(new FilePosition("/var/log/a.log", "1:2", 30), default);
        }

        using var reopened = new JsonFilePositionStore(file);
        Assert.Equal(new FilePosition("/var/log/a.log", "1:2", 30), await reopened.GetAsync("/var/log/a.log", default));
        Assert.Equal(new FilePosition("/var/log/b.log", "1:3", 20), await reopened.GetAsync("/var/log/b.log", default));
        Assert.Null(await reopened.GetAsync("/var/log/c.log", default));
        Assert.False(File.Exists(file + ".tmp"));
    }

    [Fact]
    public async Task A_corrupt_positions_file_fails_loudly_instead_of_rereading_everything()
    {
        using var folder = new TempFolder();
        using var store = new JsonFilePositionStore(folder.File("positions.json", "{ not json"));

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.GetAsync("/x", default));
        Assert.Contains("positions.json", error.Message, StringComparison.Ordinal);
    }
}
