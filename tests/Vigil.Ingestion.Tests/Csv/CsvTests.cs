using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Csv;

public sealed class CsvTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Csv_with_quotes_commas_and_newlines_follows_rfc_4180()
    {
        var path = _temp.File("a.csv", "\uFEFFid,text,note\r\n1,\"a, b\",\"say \"\"hi\"\"\"\r\n2,\"line one\nline two\",\r\n3,plain,\"\"\r\n");

        var reading = Reading.Of(path);

        Assert.Empty(reading.Problems);
        Assert.Equal(["1", "2", "3"], reading.Events.Select(e => e.Get("id")));
        Assert.Equal(["a, b", "line one\nline two", "plain"], reading.Events.Select(e => e.Get("text")));
        Assert.Equal(["say \"hi\"", "", ""], reading.Events.Select(e => e.Get("note")));
        Assert.Equal([2L, 3L, 5L], reading.Events.Select(e => e.Record));
        Assert.All(reading.Events, e => Assert.Equal(["id", "text", "note"], e.Fields().Select(f => f.Key)));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_reported_and_skipped()
    {
        var reading = Reading.Of(_temp.File("a.csv", "a,b\n1,2\n1,2,3\n4\n\n5,6"));

        Assert.Equal(["1", "5"], reading.Events.Select(e => e.Get("a")));
        Assert.Equal(["invalid-csv@line 3", "invalid-csv@line 4"], reading.ProblemKeys);
        Assert.Contains("3 cells where the header has 2", reading.Problems[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_quoting_is_reported_with_the_line_the_row_starts_on()
    {
        var reading = Reading.Of(_temp.File("a.csv", "a,b\n\"x\"y,2\n3,4\n5,\"never closed\n6,7\n"));

        Assert.Equal(["3"], reading.Events.Select(e => e.Get("a")));
        Assert.Equal(["invalid-csv@line 2", "invalid-csv@line 4"], reading.ProblemKeys);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_cell_is_text()
    {
        var reading = Reading.Of(_temp.File("a.csv", "a,b\n5\" disk,ok\n"));

        Assert.Equal("5\" disk", Assert.Single(reading.Events).Get("a"));
    }

    [Theory]
    [InlineData("TimeCreated,EventId,Computer,Message\n2024-05-01T10:00:00Z,4688,h1,started\n")]
    [InlineData("#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord\r\nTimeCreated,EventId,Computer,Message\r\n2024-05-01T10:00:00Z,4688,h1,started\r\n")]
    [InlineData("\"TimeCreated\",\"EventId\",\"Computer\",\"Message\"\n\"2024-05-01T10:00:00Z\",\"4688\",\"h1\",\"started\"\n")]
    public void Csv_is_recognised_by_its_header_without_the_extension(string text)
    {
        var reading = Reading.Of(_temp.File("export.txt", text));

        Assert.Empty(reading.Problems);
        var logEvent = Assert.Single(reading.Events);
        Assert.Equal(("4688", "h1", "started"), (logEvent.Get("EventId"), logEvent.Get("Computer"), logEvent.Get("Message")));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), logEvent.Timestamp);
    }

    [Fact]
    public void Invalid_utf8_in_a_row_is_reported_and_skipped()
    {
        byte[] bytes = [.. "a,b\n1,caf"u8, 0xC3, 0x28, .. "\n2,ok\n"u8];

        var reading = Reading.Of(_temp.File("a.csv", bytes));

        Assert.Equal(["2"], reading.Events.Select(e => e.Get("a")));
        Assert.Equal(["invalid-utf8@line 2"], reading.ProblemKeys);
    }

    [Fact]
    public void A_row_over_1_MiB_is_reported_and_skipped_even_inside_quotes()
    {
        var huge = "\"" + new string('x', 1024 * 1024) + "\n" + new string('y', 1024 * 1024) + "\"";

        var reading = Reading.Of(_temp.File("a.csv", "a,b\n1,2\n3," + huge + "\n5,6\n"));

        Assert.Equal(["1", "5"], reading.Events.Select(e => e.Get("a")));
        Assert.Equal([2L, 5L], reading.Events.Select(e => e.Record));
        Assert.Equal(["line-too-long@line 3"], reading.ProblemKeys);
    }

    [Fact]
    public void Many_rows_cross_buffer_boundaries_intact()
    {
        var rows = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i},\"v,{i}\"\n"));

        var reading = Reading.Of(_temp.File("a.csv", "n,v\n" + rows));

        Assert.Empty(reading.Problems);
        Assert.Equal(20_000, reading.Events.Count);
        Assert.Equal("v,19999", reading.Events[^1].Get("v"));
        Assert.Equal(20_001L, reading.Events[^1].Record);
    }
}
