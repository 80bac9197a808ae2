using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Files;

public sealed class ReadTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("[Mon Nov 28 10:00:00.123 2026] [core:error] [pid 42] AH00037: Symbolic link not allowed\n[Mon Nov 28 10:00:01.000 2026] [ssl:warn] AH01909: name mismatch\n")]
    [InlineData("[2026-11-28 10:00:00] worker started\n[2026-11-28 10:00:05] worker stopped\n")]
    public void A_text_log_that_starts_with_a_bracket_is_read_as_text(string text)
    {
        var reading = Reading.Of(_temp.File("error.log", text));

        Assert.Empty(reading.Problems);
        Assert.Equal(2, reading.Events.Count);
        Assert.StartsWith("[", reading.Events[0].Get("message"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{\"a\": 1}, {\"a\": 2}]")]
    [InlineData("[\n  {\n    \"a\": 1\n  },\n  {\"a\": 2}\n]\n")]
    public void A_json_array_is_still_read_as_json(string text)
    {
        var reading = Reading.Of(_temp.File("events.json", text));

        Assert.Empty(reading.Problems);
        Assert.Equal(["1", "2"], reading.Events.Select(static e => e.Get("a")));
    }

    [Fact]
    public void A_missing_file_is_one_unreadable_problem()
    {
        var path = Path.Combine(_temp.Path, "missing.json");

        var reading = Reading.Of(path);

        Assert.Empty(reading.Events);
        var problem = Assert.Single(reading.Problems);
        Assert.Equal((path, "unreadable", "does not exist"), (problem.Item, problem.Kind, problem.Reason));
    }

    [Fact]
    public void A_dangling_link_is_one_unreadable_problem_that_says_so()
    {
        var path = Path.Combine(_temp.Path, "link.json");
        File.CreateSymbolicLink(path, Path.Combine(_temp.Path, "target.json"));

        var problem = Assert.Single(Reading.Of(path).Problems);

        Assert.Equal(("unreadable", "is a link to a path that does not exist"), (problem.Kind, problem.Reason));
    }

    [Fact]
    public void A_folder_is_one_unreadable_problem()
    {
        var problem = Assert.Single(Reading.Of(_temp.Folder("logs")).Problems);

        Assert.Equal(("unreadable", "is a folder, not a file"), (problem.Kind, problem.Reason));
    }

    [Fact]
    public void Binary_garbage_is_one_unknown_format_problem_and_no_events()
    {
        var bytes = new byte[100_000];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0x00;
        var path = _temp.File("garbage.bin", bytes);

        var reading = Reading.Of(path);

        Assert.Empty(reading.Events);
        Assert.Equal(["unknown-format@"], reading.ProblemKeys);
    }

    [Theory]
    [InlineData("Nov 28 12:00:00 host sshd[42]: Accepted password for alice, port 22\nNov 28 12:00:01 host cron[7]: job\n")]
    [InlineData("just some text\nwithout any structure\n")]
    [InlineData("key=value, other=thing\n")]
    [InlineData("<Event xmlns='x'><System/></Event>\n")]
    public void Text_that_is_neither_json_nor_csv_is_read_as_text_lines(string text)
    {
        var reading = Reading.Of(_temp.File("app.log", text));

        Assert.Empty(reading.Problems);
        Assert.Equal(text.TrimEnd('\n').Split('\n'), reading.Events.Select(e => e.Get("message")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\r\n\t ")]
    [InlineData("\uFEFF")]
    public void An_empty_or_blank_file_gives_nothing(string text)
    {
        var reading = Reading.Of(_temp.File("empty.json", text));

        Assert.Empty(reading.Events);
        Assert.Empty(reading.Problems);
    }

    [Fact]
    public void Events_carry_the_path_as_given()
    {
        _temp.File("a.json", "{\"x\":1}\n");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(_temp.Path, "a.json"));

        var logEvent = Assert.Single(Reading.Of(relative).Events);

        Assert.Equal(relative, logEvent.Source);
    }

    [Fact]
    public void Reading_is_lazy_and_can_be_enumerated_twice()
    {
        var path = _temp.File("a.json", "{\"x\":1}\n{\"x\":2}\n");
        var problems = new Vigil.Diagnostics.ProblemLog();

        var events = LogFiles.Read(path, problems);
        File.AppendAllText(path, "{\"x\":3}\n");

        Assert.Equal(3, events.Count());
        Assert.Equal(3, events.Count());
    }

    [Fact]
    public void Stopping_early_closes_the_file()
    {
        var path = _temp.File("a.json", "{\"x\":1}\n{\"x\":2}\n");
        var problems = new Vigil.Diagnostics.ProblemLog();

        Assert.NotNull(LogFiles.Read(path, problems).First());

        // .NET locks files it opens (shared for readers); an exclusive open fails while the reader's handle lives.
        using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
    }
}
