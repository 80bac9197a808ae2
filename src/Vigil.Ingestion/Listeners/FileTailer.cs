using Vigil.Diagnostics;

namespace Vigil.Ingestion.Listeners;

/// <summary>Follows log files as they grow, through rotation and restarts, and delivers each new line.</summary>
/// <remarks>
/// <para>
/// Each poll lists the watched files, matches them to open files by identity (device and inode on Linux), and reads
/// every complete line after the last delivered one. A partial last line waits for its newline. Rotation by rename:
/// the old file stays open and is read to its end (until a poll finds it no longer growing; its unfinished last line
/// is then delivered), and the new file at the path starts at 0; if the renamed file still matches a pattern, it is
/// followed under its new name without reading anything again. Copytruncate: a file shorter than the position
/// restarts at 0 (lines written and truncated between two polls are lost, as with every tailer).
/// </para>
/// <para>
/// Delivery is at least once: a position is saved only after the sink accepted every line before it, so a crash
/// between the sink's acceptance and the save delivers those lines again after a restart (at most the lines of one
/// poll, or 1 MiB of a large backlog). Nothing is lost across a restart unless the file was rotated while Vigil was
/// down and its new name no longer matches a pattern. Within one run no line is delivered twice. A sink that throws
/// is retried from the same line at the next poll. Bad lines (oversized) are counted and reported, never logged.
/// </para>
/// <para>Not thread-safe: run one <see cref="RunAsync"/> at a time. Statistics may be read from any thread.</para>
/// </remarks>
public sealed class FileTailer : IAsyncDisposable
{
    private const long SaveEvery = 1024 * 1024;

    private readonly FileTailerOptions _options;
    private readonly IMessageSink _sink;
    private readonly IFilePositionStore _positions;
    private readonly TimeProvider _time;
    private readonly ListenerCounters _counters;
    private readonly IProblemSink? _problems;
    private readonly Dictionary<string, TailedFile> _files = new(StringComparer.Ordinal); // by file identity
    private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);
    private readonly byte[] _buffer;

    /// <summary>Creates a tailer; nothing is opened until the first poll.</summary>
    /// <param name="options">Settings, validated here.</param>
    /// <param name="sink">Where lines go, one message per line without its newline.</param>
    /// <param name="positions">Where positions are kept across restarts.</param>
    /// <param name="timeProvider">Clock for the poll interval and <see cref="ReceivedMessage.ReceivedAt"/>.</param>
    /// <param name="problems">Where skipped lines and unreadable files are reported; may be null.</param>
    public FileTailer(
        FileTailerOptions options,
        IMessageSink sink,
        IFilePositionStore positions,
        TimeProvider? timeProvider = null,
        IProblemSink? problems = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(positions);
        options.Validate();
        _options = options;
        _sink = sink;
        _positions = positions;
        _time = timeProvider ?? TimeProvider.System;
        _problems = problems;
        _counters = new ListenerCounters(options.Name, problems);
        _buffer = new byte[Math.Max(options.MaxLineLength + 2, 64 * 1024)];
    }

    /// <summary>A copy of the counters (<see cref="ListenerStatistics.Received"/> counts lines).</summary>
    public ListenerStatistics Statistics => _counters.Snapshot();

    /// <summary>Polls until <paramref name="cancellationToken"/> is cancelled, then returns.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await PollAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (var file in _files.Values)
        {
            file.Dispose();
        }

        _files.Clear();
        return ValueTask.CompletedTask;
    }

    /// <summary>One pass: find files, follow renames, read new lines, save positions.</summary>
    internal async Task PollAsync(CancellationToken cancellationToken)
    {
        var present = new Dictionary<string, string>(StringComparer.Ordinal); // identity -> path
        foreach (var path in FilePatterns.Expand(_options.Paths))
        {
            if (FileIdentity.OfPath(path) is { } id)
            {
                present.TryAdd(id, path);
            }
        }

        foreach (var file in _files.Values)
        {
            var retiring = !present.TryGetValue(file.Id, out var path);
            if (retiring && !file.Retiring)
            {
                file.LastLength = -1; // One more poll of grace: the writer may not have reopened its log yet.
            }

            file.Retiring = retiring;
            file.Path = path ?? file.Path;
        }

        // Positions of the new paths first, so that a file renamed while Vigil was down is found by its identity
        // under its new name instead of being read again from the start.
        var fresh = new List<(string Id, string Path, FilePosition? Saved)>();
        var byIdentity = new Dictionary<string, FilePosition>(StringComparer.Ordinal);
        foreach (var (id, path) in present)
        {
            if (!_files.ContainsKey(id))
            {
                var saved = await _positions.GetAsync(path, cancellationToken).ConfigureAwait(false);
                fresh.Add((id, path, saved));
                if (saved is not null && saved.FileId.Length > 0)
                {
                    byIdentity.TryAdd(saved.FileId, saved);
                }
            }
        }

        foreach (var (id, path, saved) in fresh)
        {
            var known = saved?.FileId == id ? saved : byIdentity.GetValueOrDefault(id);
            Open(path, known, saved);
        }

        foreach (var file in _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList())
        {
            await FollowAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }

    // `known` is the saved position of this file (found by path or identity); `saved` what the path's record held.
    private void Open(string path, FilePosition? known, FilePosition? saved)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            _unreadable.Remove(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (e is not (FileNotFoundException or DirectoryNotFoundException) && _unreadable.Add(path))
            {
                _problems?.Report(new InputProblem(_options.Name, path, "unreadable", "the file cannot be opened: " + e.GetType().Name));
            }

            return;
        }

        // The identity of what was opened, not of what the path showed a moment before (it may have rotated since).
        var id = FileIdentity.OfHandle(stream.SafeFileHandle);
        if (_files.ContainsKey(id))
        {
            stream.Dispose();
            return;
        }

        var offset = known is not null && known.FileId == id && known.Offset <= stream.Length ? known.Offset : 0;
        _files[id] = new TailedFile(path, stream, id, offset) { Saved = saved };
    }

    private async Task FollowAsync(TailedFile file, CancellationToken cancellationToken)
    {
        try
        {
            var length = file.Length;
            var finished = file.Retiring && length == file.LastLength;
            file.LastLength = length;
            file.RestartIfTruncated();
            while (await file.ReadAsync(_buffer, _options.MaxLineLength, line => DeliverAsync(file, line, cancellationToken), () => Oversized(file), cancellationToken).ConfigureAwait(false))
            {
                if (file.Committed - (file.Saved?.Offset ?? 0) >= SaveEvery)
                {
                    await SaveAsync(file, cancellationToken).ConfigureAwait(false);
                }
            }

            if (finished)
            {
                await FinishAsync(file, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await SaveAsync(file, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failing sink, store or disk stops this file until the next poll, never the tailer.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _problems?.Report(new InputProblem(_options.Name, file.Path, "tail-failed", "reading paused until the next poll: " + e.GetType().Name));
        }
    }

    private async Task FinishAsync(TailedFile file, CancellationToken cancellationToken)
    {
        var rest = await file.ReadRestAsync(_buffer, cancellationToken).ConfigureAwait(false);
        if (rest.Length > _options.MaxLineLength)
        {
            Oversized(file);
        }
        else if (rest.Length > 0)
        {
            await DeliverAsync(file, rest, cancellationToken).ConfigureAwait(false);
        }

        _files.Remove(file.Id);
        file.Dispose();
    }

    private async ValueTask DeliverAsync(TailedFile file, byte[] line, CancellationToken cancellationToken)
    {
        await _sink.AcceptAsync(new ReceivedMessage(line, _options.Name, file.Path, _time.GetUtcNow()), cancellationToken)
            .ConfigureAwait(false);
        _counters.Received();
    }

    // A retiring file's path may already belong to its successor, so only files still at their path are saved.
    private async ValueTask SaveAsync(TailedFile file, CancellationToken cancellationToken)
    {
        var position = new FilePosition(file.Path, file.Id, file.Committed);
        if (!file.Retiring && position != file.Saved)
        {
            await _positions.SaveAsync(position, cancellationToken).ConfigureAwait(false);
            file.Saved = position;
        }
    }

    private void Oversized(TailedFile file) => _counters.Rejected(
        RejectReasons.Oversized,
        file.Path,
        $"a line longer than {_options.MaxLineLength} bytes was skipped");
}
