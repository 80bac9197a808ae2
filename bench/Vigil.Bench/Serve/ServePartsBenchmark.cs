using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Vigil.Events;
using Vigil.Ingestion.Sources;
using Vigil.Storage;
using Vigil.Storage.Events;

namespace Vigil.Bench.Serve;

/// <summary>
/// The parts of <c>vigil serve</c>'s write path on their own, in one process, each timed in CPU time per event (less
/// sensitive to a loaded machine than wall-clock time): syslog parsing as the listener's sink does it, and appending
/// to a fresh SQLite store in the batch writer's batches. Detection is measured by <c>hunt-parts</c>.
/// </summary>
internal static class ServePartsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = int.Parse(ServeBenchmark.Option(args, "--events") ?? "200000", CultureInfo.InvariantCulture);
        var batch = int.Parse(ServeBenchmark.Option(args, "--batch") ?? "4096", CultureInfo.InvariantCulture);
        var rounds = int.Parse(ServeBenchmark.Option(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        var messages = new byte[events][];
        for (var i = 0; i < events; i++)
        {
            messages[i] = Encoding.UTF8.GetBytes(SyslogLoad.Message(i, now));
        }

        Console.WriteLine($"serve parts: {events:N0} syslog messages, batches of {batch:N0}, {rounds} rounds; load: {Load()}");
        for (var round = 1; round <= rounds; round++)
        {
            var (records, parseCpu, parseBytes) = Parse(messages, now);
            var written = BytesWritten();
            var (storeCpu, storeWall, dbBytes) = await StoreAsync(records, batch).ConfigureAwait(false);
            written = BytesWritten() - written;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: parse {parseCpu.TotalMicroseconds / events:F2} µs CPU/event, {parseBytes / events:N0} B allocated/event; " +
                $"store {storeCpu.TotalMicroseconds / events:F2} µs CPU/event ({storeWall.TotalMicroseconds / events:F2} µs wall), {dbBytes / events:N0} B on disk/event, {written / events:N0} B written/event; load {Load()}"));
        }

        return 0;
    }

    private static (List<EventRecord> Records, TimeSpan Cpu, long Allocated) Parse(byte[][] messages, DateTimeOffset now)
    {
        var records = new List<EventRecord>(messages.Length);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Cpu();
        foreach (var message in messages)
        {
            // As MessageIngest does: decode once, parse the text, keep it as the raw record.
            var raw = Utf8.IsValid(message) ? Encoding.UTF8.GetString(message) : "";
            var parsed = SyslogParser.Parse(raw.AsSpan(), now);
            var logEvent = parsed.Event ?? new LogEvent();
            logEvent.Source = "syslog-tcp:127.0.0.1";
            records.Add(new EventRecord(logEvent, raw, now));
        }

        return (records, Cpu() - cpu, GC.GetAllocatedBytesForCurrentThread() - allocated - (records.Capacity * 8L));
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
