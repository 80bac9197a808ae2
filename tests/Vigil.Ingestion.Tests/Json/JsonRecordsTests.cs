using System.Text;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Tests.Json;

public sealed class JsonRecordsTests
{
    [Fact]
    public void Bodies_parsed_one_after_another_keep_their_own_fields()
    {
        var first = JsonRecords.Parse(Encoding.UTF8.GetBytes("{\"user\":{\"name\":\"alice\"},\"n\":1}"), "tcp:a", out var firstError);
        var second = JsonRecords.Parse(Encoding.UTF8.GetBytes("{\"user\":{\"name\":\"bob\"},\"n\":2,\"extra\":true}"), "tcp:b", out var secondError);

        Assert.Equal((null, null), (firstError, secondError));
        Assert.Equal([("user.name", "alice"), ("n", "1")], Fields(first!));
        Assert.Equal([("user.name", "bob"), ("n", "2"), ("extra", "true")], Fields(second!));
        Assert.Equal(("tcp:a", "tcp:b"), (first![0].Event.Source, second![0].Event.Source));
    }

    [Theory]
    [InlineData("{\"a\":\"x\",\"b\":")]
    [InlineData("{\"a\":\"x\",\"b\":[1,")]
    [InlineData("{\"a\":\"x\"} trailing")]
    [InlineData("[{\"a\":\"x\"},{\"b\":\"y\"")]
    public void A_body_cut_off_in_the_middle_leaves_nothing_in_the_next_body(string broken)
    {
        var refused = JsonRecords.Parse(Encoding.UTF8.GetBytes(broken), "tcp:a", out var error);
        var next = JsonRecords.Parse(Encoding.UTF8.GetBytes("{\"c\":\"z\"}"), "tcp:a", out var nextError);

        Assert.Null(refused);
        Assert.NotNull(error);
        Assert.Null(nextError);
        Assert.Equal([("c", "z")], Fields(next!));
    }

    private static (string, string?)[] Fields(IReadOnlyList<JsonRecord> records) =>
        [.. Assert.Single(records).Event.Fields().Select(static f => (f.Key, f.Value))];
}
