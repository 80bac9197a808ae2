using System.Text;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Json;

public sealed class NdjsonTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Ndjson_lines_become_events_numbered_by_line()
    {
        var path = _temp.File("a.json", "{\"n\":1}\n\n{\"n\":2}\r\n   \n{\"n\":3}");

        var reading = Reading.Of(path);

        Assert.Empty(reading.Problems);
        Assert.Equal([1L, 3L, 5L], reading.Events.Select(e => e.Record));
        Assert.Equal(["1", "2", "3"], reading.Events.Select(e => e.Get("n")));
        Assert.All(reading.Events, e => Assert.Equal(path, e.Source));
    }

    [Fact]
    public void Ndjson_after_a_byte_order_mark_is_read()
    {
        var reading = Reading.Of(_temp.File("a.json", "\uFEFF{\"n\":1}\n{\"n\":2}\n"));

        Assert.Equal(["1", "2"], reading.Events.Select(e => e.Get("n")));
    }

    [Fact]
    public void Ndjson_invalid_line_is_reported_and_the_next_line_is_read()
    {
        var path = _temp.File("a.json", "{\"n\":1}\n{\"n\": SECRET-PATIENT-NAME}\n{\"n\":3}\n");

        var reading = Reading.Of(path);

        Assert.Equal(["1", "3"], reading.Events.Select(e => e.Get("n")));
        Assert.Equal([1L, 3L], reading.Events.Select(e => e.Record));
        var problem = Assert.Single(reading.Problems);
        Assert.Equal((path, "line 2", "invalid-json"), (problem.Item, problem.Location, problem.Kind));
        Assert.Contains("invalid start of a value", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\": \"Jane Doe\", \"dx\": truish}")]
    [InlineData("{\"name\": \"Jane Doe\" \"dx\": 1}")]
    [InlineData("{\"name\": \"Jane\\qDoe\"}")]
    [InlineData("{\"name\": Jane Doe}")]
    [InlineData("{\"name\": -Jane}")]
    [InlineData("{\"name\": \"Jane Doe\"")]
    [InlineData("{Jane: 1}")]
    public void Ndjson_problem_reasons_never_quote_the_line(string line)
    {
        var reading = Reading.Of(_temp.File("a.json", line + "\n{\"ok\":1}\n"));

        var problem = Assert.Single(reading.Problems);
        Assert.Equal("invalid-json", problem.Kind);
        Assert.DoesNotContain("Jane", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Doe", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("trui", problem.Reason, StringComparison.Ordinal);
        Assert.Single(reading.Events);
    }

    [Fact]
    public void Ndjson_invalid_utf8_line_is_reported_and_skipped()
    {
        byte[] bad = [.. "{\"n\":\"caf"u8, 0xC3, 0x28, .. "\"}\n"u8];
        byte[] badName = [.. "{\""u8, 0xFF, .. "\":1}"u8];
        var path = _temp.File("a.json", [.. "{\"n\":\"1\"}\n"u8, .. bad, .. badName, .. "\n{\"n\":\"é\"}\n"u8]);

        var reading = Reading.Of(path);

        Assert.Equal(["1", "é"], reading.Events.Select(e => e.Get("n")));
        Assert.Equal(["invalid-utf8@line 2", "invalid-utf8@line 3"], reading.ProblemKeys);
    }

    [Fact]
    public void Ndjson_line_over_1_MiB_is_reported_and_skipped()
    {
        var huge = "{\"blob\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        var path = _temp.File("a.json", "{\"n\":1}\n" + huge + "\n{\"n\":3}\n" + huge);

        var reading = Reading.Of(path);

        Assert.Equal(["1", "3"], reading.Events.Select(e => e.Get("n")));
        Assert.Equal([1L, 3L], reading.Events.Select(e => e.Record));
        Assert.Equal(["line-too-long@line 2", "line-too-long@line 4"], reading.ProblemKeys);
    }

    [Fact]
    public void Ndjson_line_just_under_1_MiB_is_read()
    {
        var big = "{\"blob\":\"" + new string('x', (1024 * 1024) - 20) + "\"}";

        var reading = Reading.Of(_temp.File("a.json", big + "\n{\"n\":2}\n"));

        Assert.Empty(reading.Problems);
        Assert.Equal(2, reading.Events.Count);
    }

    [Theory]
    [InlineData("42", "number")]
    [InlineData("\"text\"", "string")]
    [InlineData("null", "null")]
    [InlineData("true", "boolean")]
    public void Ndjson_line_that_is_not_an_object_is_reported(string line, string kind)
    {
        var reading = Reading.Of(_temp.File("a.json", "{\"n\":1}\n" + line + "\n{\"n\":3}\n"));

        Assert.Equal(2, reading.Events.Count);
        var problem = Assert.Single(reading.Problems);
        Assert.Equal(("line 2", "invalid-json"), (problem.Location, problem.Kind));
        Assert.Contains(kind, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ndjson_line_may_hold_several_objects_or_an_array_of_them()
    {
        var reading = Reading.Of(_temp.File("a.json", "{\"n\":1} {\"n\":2}\n[{\"n\":3},{\"n\":4}]\n"));

        Assert.Empty(reading.Problems);
        Assert.Equal(["1", "2", "3", "4"], reading.Events.Select(e => e.Get("n")));
        Assert.Equal([1L, 1L, 2L, 2L], reading.Events.Select(e => e.Record));
    }

    [Fact]
    public void Ndjson_with_many_lines_crosses_buffer_boundaries_intact()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            text.Append("{\"i\":").Append(i).Append(",\"pad\":\"").Append('p', i % 97).Append("\"}\n");
        }

        var reading = Reading.Of(_temp.File("a.json", text.ToString()));

        Assert.Empty(reading.Problems);
        Assert.Equal(20_000, reading.Events.Count);
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), reading.Events.Select(e => e.Get("i")));
    }
}
