using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion;

namespace Vigil.Cli.Demo.Replay;

/// <summary>
/// Reads every generated file with Vigil's own readers (<see cref="LogFiles.Read(string, IProblemSink)"/>) and merges
/// their events into one stream in event-time order, each with its line as received, as a live feed would deliver them.
/// </summary>
/// <remarks>
/// A file is opened only when the merge reaches its first record's time (less a second, as some logs keep whole
/// seconds), so a year of daily files never holds hundreds of files open; memory holds one event and one line per open file.
/// </remarks>
internal static class EventMerge
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    /// <summary>The merged events; ties keep file order, then record order. Events without a time are reported and skipped.</summary>
    public static IEnumerable<(LogEvent Event, string Raw)> Read(IReadOnlyList<string> files, IReadOnlyDictionary<string, DateTime> firstTimes, IProblemSink problems)
    {
        var order = files.Select((f, i) => (File: f, Index: i, First: new DateTimeOffset(firstTimes[f], TimeSpan.Zero) - Slack)).OrderBy(static f => f.First).ToList();
        var open = new Dictionary<int, OpenFile>();
        var queue = new PriorityQueue<int, (DateTimeOffset Time, int File, long Record)>();
        var next = 0;
        try
        {
            while (true)
            {
                while (next < order.Count && (!queue.TryPeek(out _, out var head) || order[next].First <= head.Time))
                {
                    var (file, index, _) = order[next++];
                    open[index] = new OpenFile(file, LogFiles.Read(file, problems).GetEnumerator(), File.ReadLines(file).GetEnumerator());
                    Advance(index);
                }

                if (!queue.TryDequeue(out var current, out _))
                {
                    yield break;
                }

                var reader = open[current];
                yield return (reader.Events.Current, reader.Line(reader.Events.Current.Record));
                Advance(current);
            }
        }
        finally
        {
            foreach (var reader in open.Values)
            {
                reader.Dispose();
            }
        }

        void Advance(int index)
        {
            var reader = open[index];
            while (reader.Events.MoveNext())
            {
                if (reader.Events.Current.Timestamp is { } time)
                {
                    queue.Enqueue(index, (time, index, reader.Events.Current.Record));
                    return;
                }

                problems.Report(new InputProblem(reader.Path, $"record {reader.Events.Current.Record}", "no-time", "event has no timestamp"));
            }

            reader.Dispose();
            open.Remove(index);
        }
    }

    private sealed class OpenFile(string path, IEnumerator<LogEvent> events, IEnumerator<string> lines) : IDisposable
    {
        private long _line;

        public string Path => path;

        public IEnumerator<LogEvent> Events => events;

        /// <summary>The text of line <paramref name="number"/> (1-based; lines are asked for in increasing order).</summary>
        public string Line(long number)
        {
            while (_line < number && lines.MoveNext())
            {
                _line++;
            }

            return _line == number ? lines.Current : "";
        }

        public void Dispose()
        {
            events.Dispose();
            lines.Dispose();
        }
    }
}
