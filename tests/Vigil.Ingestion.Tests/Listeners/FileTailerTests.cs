using Vigil.Diagnostics;
using Vigil.Ingestion.Listeners;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Listeners;

// Most tests drive single polls (PollAsync) so that what each poll sees is exact and nothing depends on timing.
public sealed class FileTailerTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CollectingSink _sink = new();

    private string Store => Path.Combine(_folder.Path, "state", "positions.json");

    [Fact]
    public async Task Appended_lines_arrive_and_a_partial_line_waits_for_its_newline()
    {
        var log = _folder.File("app.log", "one\r\ntwo\nthr");
        await using var tailer = Tailer(Path.Combine(_folder.Path, "*.log"));

        await tailer.PollAsync(default);
        Assert.Equal(["one", "two"], _sink.Texts);

        Append(log, "ee\n\nfour");
        await tailer.PollAsync(default);
        Assert.Equal(["one", "two", "three"], _sink.Texts);
        Assert.All(_sink.Messages, m => Assert.Equal(log, m.Peer));
        Assert.Equal(3, tailer.Statistics.Received);
    }

    [Fact]
    public async Task Receipt_time_comes_from_the_injected_clock()
    {
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        _folder.File("app.log", "line\n");
        await using var tailer = new FileTailer(
            new FileTailerOptions { Paths = [_folder.Path] }, _sink, new JsonFilePositionStore(Store), new FixedTimeProvider(now));

        await tailer.PollAsync(default);

        Assert.Equal(now, Assert.Single(_sink.Messages).ReceivedAt);
        Assert.Equal("file", _sink.Messages[0].Listener);
    }

    [Fact]
    public async Task Rotation_by_rename_finishes_the_old_file_and_starts_the_new_one_at_zero()
    {
        var log = _folder.File("app.log", "a1\n");
        await using var tailer = Tailer(Path.Combine(_folder.Path, "*.log"));
        await tailer.PollAsync(default);

        File.Move(log, log + ".1");
        Append(log + ".1", "a2 written late by the old writer\na3 unfinished");
        _folder.File("app.log", "b1\n");
        await tailer.PollAsync(default);
        await tailer.PollAsync(default);

        Assert.Equal(["a1", "a2 written late by the old writer", "b1", "a3 unfinished"], _sink.Texts);
    }

    [Fact]
    public async Task A_renamed_file_that_still_matches_is_followed_not_read_again()
    {
        var log = _folder.File("app", "a1\n");
        await using var tailer = Tailer(Path.Combine(_folder.Path, "app*"));
        await tailer.PollAsync(default);

        File.Move(log, log + ".1");
        Append(log + ".1", "a2\n");
        _folder.File("app", "b1\n");
        await tailer.PollAsync(default);
        await tailer.PollAsync(default);

        Assert.Equal(["a1", "a2", "b1"], _sink.Texts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Copytruncate_restarts_the_file_at_zero()
    {
        var log = _folder.File("app.log", "old line one\nold line two\n");
        await using var tailer = Tailer(log);
        await tailer.PollAsync(default);

        File.WriteAllText(log, "new\n"); // Truncated and rewritten shorter, as copytruncate leaves it.
        await tailer.PollAsync(default);

        Assert.Equal(["old line one", "old line two", "new"], _sink.Texts);
    }

    [Fact]
    public async Task A_restart_resumes_at_the_saved_position_without_duplicates_or_loss()
    {
        var log = _folder.File("app.log", "1\n2\n3-part");
        await using (var first = Tailer(_folder.Path))
        {
            await first.PollAsync(default);
        }

        Append(log, "ial\n4\n");
        await using (var second = Tailer(_folder.Path))
        {
            await second.PollAsync(default);
        }

        Assert.Equal(["1", "2", "3-partial", "4"], _sink.Texts);
    }

    [Fact]
    public async Task A_file_rotated_while_stopped_is_resumed_under_its_new_name()
    {
        var log = _folder.File("app.log", "a1\n");
        await using (var first = Tailer(Path.Combine(_folder.Path, "app.log*")))
        {
            await first.PollAsync(default);
        }

        Append(log, "a2\n");
        File.Move(log, log + ".1");
        _folder.File("app.log", "b1\n");
        await using (var second = Tailer(Path.Combine(_folder.Path, "app.log*")))
        {
            await second.PollAsync(default);
        }

        Assert.Equal(["a1", "a2", "b1"], _sink.Texts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Oversized_lines_are_skipped_and_counted_and_the_next_line_arrives()
    {
        var problems = new ProblemLog();
        _folder.File("app.log", "short\n" + new string('x', 200_000) + "\nafter\n" + new string('y', 20) + "\n");
        await using var tailer = Tailer(_folder.Path, maxLine: 16, problems);

        await tailer.PollAsync(default);

        Assert.Equal(["short", "after"], _sink.Texts);
        Assert.Equal(2, tailer.Statistics.Rejected[RejectReasons.Oversized]);
        Assert.All(problems.Problems, p => Assert.DoesNotContain("xxx", p.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_sink_is_retried_from_the_same_line_at_the_next_poll()
    {
        var problems = new ProblemLog();
        _folder.File("app.log", "1\n2\n");
        await using var tailer = Tailer(_folder.Path, problems: problems);

        _sink.Failure = new InvalidOperationException("storage down");
        await tailer.PollAsync(default);
        _sink.Failure = null;
        await tailer.PollAsync(default);

        Assert.Equal(["1", "2"], _sink.Texts);
        Assert.Equal(1, problems.ByKind["tail-failed"]);
    }

    [Fact]
    public async Task A_rotated_file_whose_lines_the_sink_refused_is_finished_line_by_line()
    {
        var log = _folder.File("app.log", "a1\n");
        await using var tailer = Tailer(Path.Combine(_folder.Path, "*.log"));
        await tailer.PollAsync(default);

        File.Move(log, log + ".1");
        Append(log + ".1", "a2\na3\n");
        _folder.File("app.log", "b1\n");
        _sink.Failure = new InvalidOperationException("storage down");
        await tailer.PollAsync(default);
        _sink.Failure = null;
        await tailer.PollAsync(default);
        await tailer.PollAsync(default);

        Assert.Equal(["a1", "a2", "a3", "b1"], _sink.Texts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Run_polls_on_its_interval_until_cancelled()
    {
        var log = Path.Combine(_folder.Path, "later.log");
        await using var tailer = new FileTailer(
            new FileTailerOptions { Paths = [log], PollInterval = TimeSpan.FromMilliseconds(10) },
            _sink,
            new JsonFilePositionStore(Store));
        using var stop = new CancellationTokenSource();
        var run = tailer.RunAsync(stop.Token);

        _folder.File("later.log", "appeared\n");
        await Eventually.True(() => _sink.Count == 1, "the line of a file created after start");
        Append(log, "grew\n");
        await Eventually.True(() => _sink.Count == 2, "the appended line");

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["appeared", "grew"], _sink.Texts);
    }

    public void Dispose() => _folder.Dispose();

    private static void Append(string path, string text) => File.AppendAllText(path, text);

    private FileTailer Tailer(string path, int maxLine = 1024, IProblemSink? problems = null) => new(
        new FileTailerOptions { Paths = [path], MaxLineLength = maxLine },
        _sink,
        new JsonFilePositionStore(Store),
        TimeProvider.System,
        problems);
}
