using System.Text;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Json;

public sealed class JsonStreamTests : IDisposable
{
    private const string Pretty = """
        {
          "n": 1,
          "inner": {
            "a": "x"
          }
        }
        {
          "n": 2,
          "inner": {
            "a": "y"
          }
        }

        {"n": 3}
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_json_array_of_objects_gives_one_event_per_element_numbered_by_index()
    {
        var reading = Reading.Of(_temp.File("a.json", "[\n  {\"n\": 1},\n  {\"n\": 2},\n  {\"n\": 3}\n]\n"));

        Assert.Empty(reading.Problems);
        Assert.Equal(["1", "2", "3"], reading.Events.Select(e => e.Get("n")));
        Assert.Equal([1L, 2L, 3L], reading.Events.Select(e => e.Record));
    }

    [Fact]
    public void Concatenated_pretty_printed_objects_are_read_in_turn()
    {
        var reading = Reading.Of(_temp.File("a.json", Pretty));

        Assert.Empty(reading.Problems);
        Assert.Equal(["1", "2", "3"], reading.Events.Select(e => e.Get("n")));
        Assert.Equal(["x", "y", null], reading.Events.Select(e => e.Get("inner.a")));
        Assert.Equal([1L, 2L, 3L], reading.Events.Select(e => e.Record));
    }

    [Fact]
    public void A_large_array_streams_through_a_bounded_window()
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < 30_000; i++)
        {
            text.Append(i == 0 ? "" : ",").Append("{\"i\":").Append(i).Append(",\"s\":\"").Append('s', i % 50).Append("\"}");
        }

        var reading = Reading.Of(_temp.File("a.json", text.Append(']').ToString()));

        Assert.Empty(reading.Problems);
        Assert.Equal(30_000, reading.Events.Count);
        Assert.Equal(30_000L, reading.Events[^1].Record);
        Assert.Equal("29999", reading.Events[^1].Get("i"));
    }

    [Fact]
    public void A_string_longer_than_the_initial_window_is_read_whole()
    {
        var value = new string('v', 3 * 1024 * 1024);

        var reading = Reading.Of(_temp.File("a.json", $"[{{\"n\":1}},{{\"big\":\"{value}\"}},{{\"n\":3}}]"));

        Assert.Empty(reading.Problems);
        Assert.Equal(value, reading.Events[1].Get("big"));
        Assert.Equal(3, reading.Events.Count);
    }

    [Fact]
    public void A_truncated_array_reports_truncated_with_the_object_index_and_keeps_what_was_read()
    {
        var path = _temp.File("a.json", "[{\"n\":1},{\"n\":2},{\"n\":3,\"partial\":\"ab");

        var reading = Reading.Of(path);

        Assert.Equal(["1", "2"], reading.Events.Select(e => e.Get("n")));
        Assert.Equal(["truncated@object 3"], reading.ProblemKeys);
    }

    [Fact]
    public void A_truncated_concatenated_file_reports_truncated_with_the_object_index()
    {
        var cut = Pretty[..Pretty.IndexOf("\"y\"", StringComparison.Ordinal)];

        var reading = Reading.Of(_temp.File("a.json", cut));

        Assert.Equal(["1"], reading.Events.Select(e => e.Get("n")));
        Assert.Equal(["truncated@object 2"], reading.ProblemKeys);
    }

    [Fact]
    public void An_array_without_its_closing_bracket_keeps_all_objects_and_reports_truncated()
    {
        var reading = Reading.Of(_temp.File("a.json", "[{\"n\":1},{\"n\":2}"));

        Assert.Equal(2, reading.Events.Count);
        Assert.Equal(["truncated@object 3"], reading.ProblemKeys);
    }

    [Fact]
    public void Invalid_json_in_a_stream_is_reported_with_its_object_and_line_and_ends_the_file()
    {
        var reading = Reading.Of(_temp.File("a.json", "{\n\"n\": 1\n}\n{\n\"n\": oops\n}\n{\"n\": 3}\n"));

        Assert.Equal(["1"], reading.Events.Select(e => e.Get("n")));
        var problem = Assert.Single(reading.Problems);
        Assert.Equal(("object 2", "invalid-json"), (problem.Location, problem.Kind));
        Assert.Contains("(line 5)", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("oops", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_numbers_of_stream_errors_count_across_buffer_refills()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("{\n  \"i\": ").Append(i).Append(",\n  \"pad\": \"").Append('p', 20).Append("\"\n}\n");
        }

        var reading = Reading.Of(_temp.File("a.json", text.Append("{\n  \"i\": nope\n}\n").ToString()));

        Assert.Equal(10_000, reading.Events.Count);
        var problem = Assert.Single(reading.Problems);
        Assert.Equal(("object 10001", "invalid-json"), (problem.Location, problem.Kind));
        Assert.Contains("(line 40002)", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Array_elements_that_are_not_objects_are_reported_and_skipped()
    {
        var reading = Reading.Of(_temp.File("a.json", "[{\"n\":1}, 2, \"three\", {\"n\":4}]"));

        Assert.Equal(["1", "4"], reading.Events.Select(e => e.Get("n")));
        Assert.Equal([1L, 4L], reading.Events.Select(e => e.Record));
        Assert.Equal(["invalid-json@object 2", "invalid-json@object 3"], reading.ProblemKeys);
    }

    [Fact]
    public void Invalid_utf8_in_a_stream_drops_that_object_only()
    {
        byte[] bytes = [.. "[{\"n\":\"1\"},{\"n\":\""u8, 0xFF, .. "\"},{\"n\":\"3\"}]"u8];

        var reading = Reading.Of(_temp.File("a.json", bytes));

        Assert.Equal(["1", "3"], reading.Events.Select(e => e.Get("n")));
        Assert.Equal(["invalid-utf8@object 2"], reading.ProblemKeys);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[ ]\n")]
    [InlineData("{}")]
    public void Empty_containers_give_nothing_much(string text)
    {
        var reading = Reading.Of(_temp.File("a.json", text));

        Assert.Empty(reading.Problems);
        Assert.True(reading.Events.Count <= 1);
        Assert.All(reading.Events, e => Assert.Equal(0, e.Count));
    }
}
