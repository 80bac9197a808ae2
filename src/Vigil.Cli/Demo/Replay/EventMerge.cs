using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion;

namespace Vigil.Cli.Demo.Replay;

/// <summary>
/// Reads every generated file with Vigil's own readers (<see cref="LogFiles.Read(string, IProblemSink)"/>) and merges
/// their events into one stream in event-time order, each with its line as received, as a live feed would deliver them.
/// </summary>
internal static class EventMerge
{
    /// <summary>The merged events; ties keep file order, then record order. Events without a time are reported and skipped.</summary>
    public static IEnumerable<(LogEvent Event, string Raw)> Read(IReadOnlyList<string> files, IProblemSink problems)
    {
        var readers = new List<(IEnumerator<LogEvent> Events, string[] Lines)>();
        var queue = new PriorityQueue<int, (DateTimeOffset Time, int File, long Record)>();
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                readers.Add((LogFiles.Read(files[i], problems).GetEnumerator(), File.ReadAllLines(files[i])));
                Advance(i);
            }

            while (queue.TryDequeue(out var file, out _))
            {
                var (events, lines) = readers[file];
                var e = events.Current;
                var raw = e.Record >= 1 && e.Record <= lines.Length ? lines[e.Record - 1] : "";
                yield return (e, raw);
                Advance(file);
            }
        }
        finally
        {
            readers.ForEach(static r => r.Events.Dispose());
        }

        void Advance(int file)
        {
            var events = readers[file].Events;
            while (events.MoveNext())
            {
                if (events.Current.Timestamp is { } time)
                {
                    queue.Enqueue(file, (time, file, events.Current.Record));
                    return;
                }

                problems.Report(new InputProblem(files[file], $"record {events.Current.Record}", "no-time", "event has no timestamp"));
            }
        }
    }
}
