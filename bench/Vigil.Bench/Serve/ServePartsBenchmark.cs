using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Ingestion.Listeners;
using Vigil.Monitoring;
using Vigil.Monitoring.Ingest;
using Vigil.Storage;
using Vigil.Storage.Events;

namespace Vigil.Bench.Serve;

/// <summary>
/// The parts of <c>vigil serve</c>'s write path on their own, in one process, each timed in CPU time per event (less
/// sensitive to a loaded machine than wall-clock time): syslog parsing as the listener's sink does it, and appending
/// to a fresh SQLite store in the batch writer's batches. Detection is measured by <c>hunt-parts</c>. The ingest stage
/// runs the listener's sink itself (<c>MessageIngest</c>: parsing, the raw record, the queue hand-over) on the messages
/// of 64 KiB reads; <c>--types</c> adds which types the bytes allocated went to (the runtime's allocation samples).
/// </summary>
internal static class ServePartsBenchmark
{
    // What one TCP read of vigil serve's listener holds at most (its receive buffer).
    private const int ReadSize = 64 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var events = int.Parse(ServeBenchmark.Option(args, "--events") ?? "200000", CultureInfo.InvariantCulture);
        var batch = int.Parse(ServeBenchmark.Option(args, "--batch") ?? "4096", CultureInfo.InvariantCulture);
        var rounds = int.Parse(ServeBenchmark.Option(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        var frames = SyslogLoad.Frames(0, events, now);
        var reads = Reads(frames, now);
        using var sampler = args.Contains("--types") ? new AllocationSampler() : null;

        Console.WriteLine($"serve parts: {events:N0} syslog messages in {reads.Count:N0} reads, batches of {batch:N0}, {rounds} rounds; load: {Load()}");
        for (var round = 1; round <= rounds; round++)
        {
            sampler?.On = true;
            var (records, parseCpu, parseGc) = await IngestAsync(reads, events).ConfigureAwait(false);
            sampler?.On = false;
            var written = BytesWritten();
            var (storeCpu, storeWall, dbBytes) = await StoreAsync(records, batch).ConfigureAwait(false);
            written = BytesWritten() - written;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: ingest (parse, hand-over) {parseCpu.TotalMicroseconds / events:F2} µs CPU/event, {parseGc.Describe(events)}; " +
                $"store {storeCpu.TotalMicroseconds / events:F2} µs CPU/event ({storeWall.TotalMicroseconds / events:F2} µs wall), {dbBytes / events:N0} B on disk/event, {written / events:N0} B written/event; load {Load()}"));
            if (sampler is not null)
            {
                var (types, total) = sampler.Take();
                var perEvent = (double)parseGc.Allocated / events / Math.Max(1, total);
                Console.WriteLine("  allocated by type (sampled): " + string.Join(", ", types.Take(10).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value * perEvent:F0} B/event"))));
            }
        }

        return 0;
    }

    // The messages as the TCP listener hands them to its sink: all the frames one read of its buffer completed.
    private static List<ReceivedMessage[]> Reads(byte[] frames, DateTimeOffset now)
    {
        var reads = new List<ReceivedMessage[]>();
        var read = new List<ReceivedMessage>();
        var readStart = 0;
        for (var at = 0; at < frames.Length;)
        {
            var end = Array.IndexOf(frames, (byte)'\n', at);
            if (end + 1 - readStart > ReadSize)
            {
                reads.Add([.. read]);
                read.Clear();
                readStart = at;
            }

            read.Add(new ReceivedMessage(frames.AsMemory(at, end - at), "syslog-tcp", "127.0.0.1:50000", now));
            at = end + 1;
        }

        reads.Add([.. read]);
        return reads;
    }

    // vigil serve's sink (MessageIngest) over the reads, the queue drained after each as the batch writer would.
    private static async Task<(List<EventRecord> Records, TimeSpan Cpu, GcFigures Gc)> IngestAsync(List<ReceivedMessage[]> reads, int events)
    {
        var folder = Path.Combine(BenchPaths.Out, "serve-parts-ingest");
        var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = folder }, TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var problems = new ProblemLog(static _ => { });
            var engine = new DetectionEngine(RuleSet.Load([], problems), new EngineOptions(), problems);
            var monitoring = new MonitoringService(store, engine, new MonitoringOptions(), TimeProvider.System, NullLoggerFactory.Instance);
            await using (monitoring.ConfigureAwait(false))
            {
                var sink = new MessageIngest(monitoring);
                var records = new List<EventRecord>(events);
                var gc = GcFigures.Now();
                var cpu = Cpu();
                foreach (var read in reads)
                {
                    await sink.AcceptManyAsync(read, CancellationToken.None).ConfigureAwait(false);
                    while (monitoring.Queue.TryTake(out var item))
                    {
                        records.AddRange(item.Events);
                    }
                }

                return (records, Cpu() - cpu, GcFigures.Now() - gc);
            }
        }
    }

    private static async Task<(TimeSpan Cpu, TimeSpan Wall, long DbBytes)> StoreAsync(List<EventRecord> records, int batch)
    {
        var folder = Path.Combine(BenchPaths.Out, "serve-parts");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = folder }, TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
        TimeSpan used, elapsed;
        await using (store.ConfigureAwait(false))
        {
            var cpu = Cpu();
            var wall = Stopwatch.StartNew();
            for (var at = 0; at < records.Count; at += batch)
            {
                var slice = records.GetRange(at, Math.Min(batch, records.Count - at));
                await store.Events.AppendAsync(slice, null, CancellationToken.None).ConfigureAwait(false);
            }

            elapsed = wall.Elapsed;
            used = Cpu() - cpu;
        }

        // Closed: the log is checkpointed into the database file and removed, so this is what the events occupy.
        return (used, elapsed, new FileInfo(Path.Combine(folder, "vigil.db")).Length);
    }

    // Bytes this process handed to write(2) and friends (/proc/self/io wchar): the log, checkpoints and syncs' data.
    private static long BytesWritten()
    {
        const string Key = "wchar:";
        var line = File.Exists("/proc/self/io") ? File.ReadLines("/proc/self/io").FirstOrDefault(l => l.StartsWith(Key, StringComparison.Ordinal)) : null;
        return line is null ? 0 : long.Parse(line.AsSpan(Key.Length).Trim(), CultureInfo.InvariantCulture);
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
