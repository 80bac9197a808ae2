using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Hashing;
using Vigil.Cli.Convert;
using Vigil.Diagnostics;
using Vigil.Ingestion;

namespace Vigil.Bench;

/// <summary>
/// Throughput of <c>vigil convert --format jsonl</c> on EVTX files, on one core, against python-evtx's
/// <c>evtx_dump.py</c> converting the same sample files in the same run.
/// </summary>
/// <remarks>
/// Prerequisite for the baseline: Debian's <c>python3-evtx</c> (<c>apt-get install python3-evtx</c>), which installs
/// <c>evtx_dump.py</c>; without it the baseline is skipped and said so. The tests do not need it.
/// </remarks>
internal static class EvtxBenchmark
{
    private const int FileHeaderSize = 4096;
    private const int ChunkSize = 65536;
    private static readonly string[] Samples = ["security.evtx", "system.evtx", "sysmon.evtx"];

    public static int Run(string[] args)
    {
        var largeMb = int.Parse(Option(args, "--large-mb") ?? "128", System.Globalization.CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        var folder = Option(args, "--samples") ?? BenchPaths.SharedData("sigma/evtx-samples");
        var samples = Samples.Select(s => Path.Combine(folder, s)).ToList();
        // The samples take tens of milliseconds to read: each timed pass reads them this many times.
        const int SamplePasses = 10;
        if (samples.FirstOrDefault(s => !File.Exists(s)) is { } missing)
        {
            Console.Error.WriteLine($"missing sample {missing}");
            return 2;
        }

        // One core, as the target says. python-evtx is single-threaded anyway.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        var large = Path.Combine(BenchPaths.Out, $"evtx-{largeMb}mb.evtx");
        if (!File.Exists(large))
        {
            Console.WriteLine($"building {large} from the samples' chunks");
            BuildLarge(samples, large + ".part", largeMb);
            File.Move(large + ".part", large);
        }

        // Warm up the JIT (tiered compilation needs a few passes to settle), then alternate so that noise hits every
        // input alike.
        var passes = Enumerable.Repeat(samples, SamplePasses).SelectMany(static f => f).ToList();
        Convert(passes, "jsonl");
        Convert(passes, "xml");
        var sampleRuns = new List<Throughput>();
        var largeRuns = new List<Throughput>();
        var xmlRuns = new List<Throughput>();
        for (var round = 1; round <= rounds; round++)
        {
            sampleRuns.Add(Convert(passes, "jsonl"));
            xmlRuns.Add(Convert(passes, "xml"));
            largeRuns.Add(Convert([large], "jsonl"));
            Console.WriteLine($"round {round}: samples {sampleRuns[^1]}; large file {largeRuns[^1]}; samples to xml {xmlRuns[^1]}");
        }

        var s = Median(sampleRuns);
        var l = Median(largeRuns);
        Console.WriteLine();
        Console.WriteLine($"samples: {s.Events / SamplePasses:N0} events, {s.Bytes / SamplePasses / 1e6:F1} MB (read {SamplePasses} times per pass); large file: {l.Events:N0} events, {l.Bytes / 1e6:F0} MB");
        Console.WriteLine($"vigil, samples to jsonl:            {s}");
        Console.WriteLine($"vigil, samples to xml:              {Median(xmlRuns)}");
        Console.WriteLine($"vigil, large file to jsonl:         {l}");
        Console.WriteLine($"target >= 50,000 events/s on one core: {(Math.Min(s.EventsPerSecond, l.EventsPerSecond) >= 50_000 ? "met" : "NOT met")}");

        var python = PythonEvtx(samples);
        if (python is { } p)
        {
            Console.WriteLine($"python-evtx, samples to xml (once): {p}, {p.Events:N0} events");
            Console.WriteLine($"ratio vigil jsonl / python-evtx on the samples: {s.EventsPerSecond / p.EventsPerSecond:N0}x (target >= 100x); large file / python-evtx: {l.EventsPerSecond / p.EventsPerSecond:N0}x");
        }

        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB for a {l.Bytes / 1e6:F0} MB input");
        return 0;
    }

    // What vigil convert does (the same writer), to a null stream, so that only reading and formatting are timed.
    private static Throughput Convert(IReadOnlyList<string> files, string format)
    {
        var problems = new ProblemLog();
        long events = 0;
        var clock = Stopwatch.StartNew();
        using (var writer = EventWriter.Create(format, Stream.Null))
        {
            foreach (var file in files)
            {
                foreach (var e in LogFiles.Read(file, problems))
                {
                    writer.Write(e);
                    events++;
                }
            }
        }

        var elapsed = clock.Elapsed;
        if (problems.Problems.Count > 0)
        {
            throw new InvalidOperationException($"{problems.Problems.Count} problems reading the benchmark input, first: {problems.Problems.First()}");
        }

        return new Throughput(events, files.Sum(static f => new FileInfo(f).Length), elapsed);
    }

    // evtx_dump.py once per sample, timed around the process; about 150 events/s, so the samples only (about 30 s).
    private static Throughput? PythonEvtx(IReadOnlyList<string> files)
    {
        var dump = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(d => Path.Combine(d, "evtx_dump.py")).FirstOrDefault(File.Exists);
        if (dump is null)
        {
            Console.WriteLine("python-evtx baseline SKIPPED: evtx_dump.py not found on PATH (apt-get install python3-evtx)");
            return null;
        }

        long events = 0;
        var elapsed = TimeSpan.Zero;
        foreach (var file in files)
        {
            var start = new ProcessStartInfo(dump, [file]) { RedirectStandardOutput = true, UseShellExecute = false };
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            // Count the events it wrote as they stream past, holding nothing.
            while (process.StandardOutput.ReadLine() is { } line)
            {
                if (line.StartsWith("<Event xmlns", StringComparison.Ordinal))
                {
                    events++;
                }
            }

            process.WaitForExit();
            elapsed += clock.Elapsed;
        }

        return new Throughput(events, files.Sum(static f => new FileInfo(f).Length), elapsed);
    }

    // The samples' chunks (those with a chunk magic; each is self-contained, with its own CRC32s), repeated until the
    // file reaches the size, behind the first sample's file header with its chunk count, last chunk number and CRC32
    // rewritten. Record ids repeat across copies, which the reader does not check.
    private static void BuildLarge(IReadOnlyList<string> samples, string path, int megabytes)
    {
        var chunks = samples.Select(File.ReadAllBytes)
            .SelectMany(static f => Enumerable.Range(0, (f.Length - FileHeaderSize) / ChunkSize).Select(i => f.AsMemory(FileHeaderSize + (i * ChunkSize), ChunkSize)))
            .Where(static c => c.Span.StartsWith("ElfChnk\0"u8))
            .ToList();
        var count = Math.Min(ushort.MaxValue, (int)((megabytes * 1_000_000L) + ChunkSize - 1) / ChunkSize);
        var header = File.ReadAllBytes(samples[0]).AsSpan(0, FileHeaderSize).ToArray();
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), 0);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(16), (ulong)(count - 1));
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(42), (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(120), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(124), Crc32.HashToUInt32(header.AsSpan(0, 120)));
        using var output = File.Create(path);
        output.Write(header);
        for (var i = 0; i < count; i++)
        {
            output.Write(chunks[i % chunks.Count].Span);
        }
    }

    private static Throughput Median(List<Throughput> runs) => runs.OrderBy(static r => r.EventsPerSecond).ElementAt(runs.Count / 2);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record Throughput(long Events, long Bytes, TimeSpan Elapsed)
    {
        public double EventsPerSecond => Events / Elapsed.TotalSeconds;

        public override string ToString() => $"{EventsPerSecond,10:N0} events/s {Bytes / Elapsed.TotalSeconds / 1e6,7:F1} MB/s ({Elapsed.TotalSeconds:F2} s)";
    }
}
