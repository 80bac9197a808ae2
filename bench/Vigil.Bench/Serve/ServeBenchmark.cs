using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Vigil.Bench.Serve;

/// <summary>
/// <c>vigil serve</c> under syslog-over-TCP load with all SigmaHQ rules, against Debian's rsyslog receiving the same
/// load into a file in the same run; then receipt-to-alert latency at a steady rate.
/// </summary>
internal static class ServeBenchmark
{
    // The warm-up ends once a load makes the JIT compile fewer methods than this, or after MaxWarmUps loads.
    private const int QuietJitMethods = 100;
    private const int MaxWarmUps = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var events = int.Parse(Option(args, "--events") ?? "1000000", CultureInfo.InvariantCulture);
        var rate = int.Parse(Option(args, "--rate") ?? "10000", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option(args, "--seconds") ?? "20", CultureInfo.InvariantCulture);
        var sigma = Option(args, "--sigma") ?? BenchPaths.SharedData("sigma");
        if (!File.Exists("/usr/sbin/rsyslogd"))
        {
            Console.Error.WriteLine("rsyslogd is absent: run bench/serve.sh, which installs Debian's rsyslog");
            return 1;
        }

        string[] folders = ["rules", "rules-emerging-threats", "rules-threat-hunting", "rules-placeholder", "rules-compliance"];
        // --without-sigma: only the trigger rule, to see what the SigmaHQ rules cost (the target is with them).
        var rules = args.Contains("--without-sigma") ? [] : folders.Select(f => Path.Combine(sigma, f)).Where(Directory.Exists).ToList();
        if (rules.Count == 0 && !args.Contains("--without-sigma"))
        {
            Console.Error.WriteLine($"SigmaHQ rules not found under {sigma}: the benchmark measures with them loaded");
            return 1;
        }

        rules.Add(Path.Combine(BenchPaths.Root, "bench", "rules"));
        var start = DateTimeOffset.UtcNow;
        var payload = SyslogLoad.Frames(0, events, start);
        Console.WriteLine($"load: {events:N0} syslog messages over TCP, {payload.Length / 1e6:F0} MB; rules: SigmaHQ ({string.Join(", ", folders)}) + the benchmark's trigger");

        var work = Path.Combine(BenchPaths.Out, "serve");
        // Free ports, not fixed ones: two benchmarks on one machine must not talk to each other's servers.
        var (syslogPort, httpPort) = (FreePort(), FreePort());
        // --runs N: N pairs, each an rsyslog measurement then a timed Vigil phase on the same warmed-up server, so that
        // both sides of a pair see the machine in the same state; the summary gives every pair's ratio. rsyslog's own
        // rate swings by up to 2x between runs on this machine: each pair's reference is the best of --rsyslog-runs
        // runs (3 by default with one pair, 1 with several), the strictest one to compare with.
        var runs = Math.Max(1, int.Parse(Option(args, "--runs") ?? "1", CultureInfo.InvariantCulture));
        var rsyslogRuns = int.Parse(Option(args, "--rsyslog-runs") ?? (runs > 1 ? "1" : "3"), CultureInfo.InvariantCulture);

        // --serve-yaml: extra top-level settings for the serve process (e.g. "queueCapacity: 4096"), to compare settings.
        // A service runs for days: warm it up (JIT tiering, SQLite's cache) before timing, with loads of as many
        // messages as the timed load (--warm-up N to change it) until the JIT is quiet (below). A fifth of the load
        // (sessions 3-6) left the runtime's tier-up compiler busy through the timed phase: 15% of the serve process's
        // samples in `perf`, about a third of its processor time per event.
        var warmUp = int.Parse(Option(args, "--warm-up") ?? events.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var extra = (Option(args, "--serve-yaml") ?? "").Replace(";", "\n", StringComparison.Ordinal);
        using var vigil = await VigilServer.StartAsync(Path.Combine(work, "vigil"), syslogPort, httpPort, rules, extra).ConfigureAwait(false);
        // One warm-up load did not finish tiering: with tiered PGO a method is compiled again once its instrumented
        // code has run, which takes load, and the next timed phase still spent 8-13% of serve's CPU compiling (session
        // 11, from the JIT figures in /metrics). So loads of fresh messages are sent until one makes the JIT compile
        // fewer than QuietJitMethods methods (at most MaxWarmUps loads), each after a pause as before a timed phase:
        // back to back, five loads still compiled hundreds of methods each and the first timed phase after the pause
        // hundreds more (the runtime defers counting calls while new methods keep being compiled).
        long stored = 0;
        for (var round = 1; ; round++)
        {
            if (round > 1)
            {
                await SettleAsync().ConfigureAwait(false);
            }

            var compiled = await vigil.MetricAsync("dotnet_jit_methods_compiled_total").ConfigureAwait(false);
            await SendAsync(syslogPort, SyslogLoad.Frames(events + stored, warmUp, start)).ConfigureAwait(false);
            stored += warmUp;
            await WaitUntilAsync(() => vigil.MetricAsync("vigil_events_detected_total"), stored, TimeSpan.FromMinutes(20)).ConfigureAwait(false);
            compiled = await vigil.MetricAsync("dotnet_jit_methods_compiled_total").ConfigureAwait(false) - compiled;
            Console.WriteLine($"warm-up {round}: {warmUp:N0} messages, {compiled:N0} methods compiled");
            if (compiled < QuietJitMethods || round == MaxWarmUps)
            {
                break;
            }
        }

        var pairs = new List<(double Rsyslog, double Vigil)>();
        for (var run = 1; run <= runs; run++)
        {
            // Each pair sends messages not sent before (new queue ids, senders and addresses for the analytics); the
            // first pair sends the load generated above.
            var load = run == 1 ? payload : SyslogLoad.Frames(stored + events, events, start);
            var label = runs > 1 ? $"pair {run}: " : "";
            await SettleAsync().ConfigureAwait(false);
            double rsyslogRate = 0;
            for (var attempt = 1; attempt <= rsyslogRuns; attempt++)
            {
                var port = FreePort();
                using var rsyslog = Rsyslog.Start(Path.Combine(work, $"rsyslog-{attempt}"), port);
                await WaitForPortAsync(port).ConfigureAwait(false);
                var clock = Stopwatch.StartNew();
                await SendAsync(port, load).ConfigureAwait(false);
                await WaitUntilAsync(() => Task.FromResult((double)rsyslog.LinesWritten()), events, TimeSpan.FromMinutes(10)).ConfigureAwait(false);
                var measured = events / clock.Elapsed.TotalSeconds;
                rsyslogRate = Math.Max(rsyslogRate, measured);
                Console.WriteLine($"{label}rsyslog run {attempt}: {events:N0} messages to a file in {clock.Elapsed.TotalSeconds:F2} s = {measured:N0} msg/s");
            }

            Console.WriteLine($"{label}rsyslog reference (best of {rsyslogRuns}): {rsyslogRate:N0} msg/s");
            await SettleAsync().ConfigureAwait(false);
            // --perf FILE: Linux perf samples (with call graphs) of the serve process over the first timed phase only; run
            // the bench with DOTNET_PerfMapEnabled=1 so that perf can name the JIT-compiled methods.
            var (vigilRate, detectedRate) = await TimedAsync(vigil, syslogPort, load, events, stored, run == 1 ? Option(args, "--perf") : null, label).ConfigureAwait(false);
            Console.WriteLine($"{label}ratio vigil/rsyslog (committed): {vigilRate / rsyslogRate:F2} (target >= 0.5); with detection: {detectedRate / rsyslogRate:F2}; absolute target >= 50,000 events/s");
            pairs.Add((rsyslogRate, vigilRate));
            stored += events;
        }

        if (pairs.Count > 1)
        {
            var ratios = pairs.Select(static p => p.Vigil / p.Rsyslog).Order().ToList();
            var median = ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[(ratios.Count / 2) - 1] + ratios[ratios.Count / 2]) / 2;
            var (vigilMean, bestRsyslog) = (pairs.Average(static p => p.Vigil), pairs.Max(static p => p.Rsyslog));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio over {pairs.Count} pairs: mean {ratios.Average():F2}, median {median:F2}, min {ratios[0]:F2}, max {ratios[^1]:F2} (target >= 0.5); " +
                $"Vigil's mean {vigilMean:N0} events/s against the best rsyslog of all pairs, {bestRsyslog:N0} msg/s: {vigilMean / bestRsyslog:F2}"));
        }

        await LatencyAsync(vigil, syslogPort, stored, rate, seconds).ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// One timed phase: <paramref name="load"/> sent to the warmed-up server, which already holds <paramref name="stored"/>
    /// events; prints what it cost and returns events per second committed and through detection.
    /// </summary>
    private static async Task<(double Committed, double Detected)> TimedAsync(VigilServer vigil, int syslogPort, byte[] load, int events, long stored, string? perfFile, string label)
    {
        var cpu = vigil.CpuTime;
        var faults = vigil.MinorFaults;
        using var perf = perfFile is not null
            ? Process.Start("perf", ["record", "-F", "999", "-g", "-p", vigil.ProcessId.ToString(CultureInfo.InvariantCulture), "-o", perfFile])
            : null;
        var stages = await vigil.StagesAsync().ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await SendAsync(syslogPort, load).ConfigureAwait(false);
        var sent = clock.Elapsed;
        await WaitUntilAsync(() => vigil.MetricAsync("vigil_events_committed_total"), stored + events, TimeSpan.FromMinutes(20)).ConfigureAwait(false);
        var committed = clock.Elapsed;
        await WaitUntilAsync(() => vigil.MetricAsync("vigil_events_detected_total"), stored + events, TimeSpan.FromMinutes(30)).ConfigureAwait(false);
        var detected = clock.Elapsed;
        cpu = vigil.CpuTime - cpu;
        if (perf is not null)
        {
            // perf writes its file when interrupted (SIGINT), not when killed.
            using var interrupt = Process.Start("kill", ["-INT", perf.Id.ToString(CultureInfo.InvariantCulture)]);
            await perf.WaitForExitAsync().ConfigureAwait(false);
        }

        faults = vigil.MinorFaults - faults;
        stages = await vigil.StagesAsync().ConfigureAwait(false) - stages;
        var vigilRate = events / committed.TotalSeconds;
        Console.WriteLine($"{label}vigil serve: sent in {sent.TotalSeconds:F1} s, all committed to SQLite in {committed.TotalSeconds:F1} s = {vigilRate:N0} events/s; all through detection in {detected.TotalSeconds:F1} s = {events / detected.TotalSeconds:N0} events/s");
        // CPU time is less sensitive than wall-clock time to other work on a shared machine: events per CPU-second
        // times the cores is what the process could reach if it had them to itself and kept them all busy.
        Console.WriteLine($"{label}vigil serve CPU: {cpu.TotalSeconds:F1} s for the load = {events / cpu.TotalSeconds:N0} events per CPU-second ({Environment.ProcessorCount} cores: at most {events / cpu.TotalSeconds * Environment.ProcessorCount:N0} events/s)");
        // Where the time went: the share of the timed phase the batch writer spent committing and the detector spent
        // detecting (each is one task; 100% means that stage alone was the limit), and their average batch sizes.
        Console.WriteLine(label + stages.Describe(detected, events));
        Console.WriteLine(label + stages.DescribeGc(cpu, events));
        Console.WriteLine(label + stages.DescribeJit(cpu));
        var heap = await vigil.MetricAsync("dotnet_gc_heap_bytes").ConfigureAwait(false) / 1e6;
        var gen2 = await vigil.MetricAsync("dotnet_gc_generation_bytes", "generation=\"2\"").ConfigureAwait(false) / 1e6;
        var kept = await vigil.MetricAsync("dotnet_gc_last_promoted_bytes").ConfigureAwait(false) / 1e6;
        var resident = await vigil.MetricAsync("process_resident_memory_bytes").ConfigureAwait(false) / 1e6;
        // A page touched for the first time (fresh heap memory the kernel must zero) costs a fault: many per event
        // means the collector keeps handing memory back to the system and taking it again.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}managed heap after the last collection: {heap:N0} MB (gen2 {gen2:N0} MB), of which that collection kept {kept:N0} MB; resident {resident:N0} MB; {faults:N0} page faults ({(double)faults / events:F2}/event)"));
        return (vigilRate, events / detected.TotalSeconds);
    }

    /// <summary>
    /// Before each measurement: the page cache written back (sync(1)) and a pause, so that the previous measurement's
    /// leftovers do not fall into this one. Vigil's timed phase leaves some 700 MB of its store to write back, which
    /// the kernel would otherwise flush during the next rsyslog run and slow it (the reference) down.
    /// </summary>
    private static async Task SettleAsync()
    {
        using (var sync = Process.Start("sync") ?? throw new InvalidOperationException("sync did not start"))
        {
            await sync.WaitForExitAsync().ConfigureAwait(false);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
    }

    private static async Task LatencyAsync(VigilServer vigil, int port, long offset, int rate, int seconds)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port).ConfigureAwait(false);
        var stream = client.GetStream();
        var sentAt = new Dictionary<string, DateTimeOffset>();
        var perTick = Math.Max(1, rate / 100);
        var clock = Stopwatch.StartNew();
        long n = offset;
        for (var tick = 0; tick < seconds * 100; tick++)
        {
            var now = DateTimeOffset.UtcNow;
            var text = new StringBuilder();
            for (var i = 0; i < perTick; i++, n++)
            {
                if (i == 0 && tick % 5 == 0)
                {
                    var host = $"bench-trigger-{tick}";
                    sentAt[host] = now;
                    text.Append(CultureInfo.InvariantCulture, $"<22>{now:MMM dd HH:mm:ss} {host} app[1]: VIGIL-BENCH-TRIGGER {tick}\n");
                }
                else
                {
                    text.Append(SyslogLoad.Message(n, now)).Append('\n');
                }
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString())).ConfigureAwait(false);
            var due = TimeSpan.FromMilliseconds(10 * (tick + 1)) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due).ConfigureAwait(false);
            }
        }

        var sendRate = (n - offset) / clock.Elapsed.TotalSeconds;
        await WaitUntilAsync(() => vigil.MetricAsync("vigil_events_detected_total"), n, TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        await Task.Delay(500).ConfigureAwait(false);
        var alerts = await VigilServer.RunVigilAsync("alerts", "list", "--format", "jsonl", "--limit", "100000", "--data-dir", vigil.DataDir).ConfigureAwait(false);
        var latencies = new List<double>();
        foreach (var line in alerts.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var alert = JsonDocument.Parse(line);
            var key = alert.RootElement.GetProperty("group_key").GetString() ?? "";
            var host = key[(key.IndexOf('@', StringComparison.Ordinal) + 1)..];
            if (sentAt.TryGetValue(host, out var sent))
            {
                latencies.Add((alert.RootElement.GetProperty("created_at").GetDateTimeOffset() - sent).TotalMilliseconds);
            }
        }

        latencies.Sort();
        if (latencies.Count == 0)
        {
            Console.WriteLine($"latency: no trigger alerts found ({sentAt.Count} triggers sent)");
            return;
        }

        double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"latency at {sendRate:N0} events/s for {seconds} s: {latencies.Count}/{sentAt.Count} triggers alerted; receipt to stored alert p50 {P(0.5):F0} ms, p99 {P(0.99):F0} ms, max {latencies[^1]:F0} ms (target p99 < 1000 ms)");
    }

    private static async Task SendAsync(int port, byte[] payload)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port).ConfigureAwait(false);
        var stream = client.GetStream();
        for (var at = 0; at < payload.Length; at += 1 << 16)
        {
            await stream.WriteAsync(payload.AsMemory(at, Math.Min(1 << 16, payload.Length - at))).ConfigureAwait(false);
        }

        client.Client.Shutdown(SocketShutdown.Send);
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"nothing listens on port {port}");
    }

    private static async Task WaitUntilAsync(Func<Task<double>> value, double target, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (await value().ConfigureAwait(false) < target)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"reached {await value().ConfigureAwait(false):N0} of {target:N0} in {timeout}");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
