using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Vigil.Bench.Serve;

/// <summary>A real <c>vigil serve</c> process on a fresh SQLite store, and its <c>/metrics</c>.</summary>
internal sealed partial class VigilServer : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;

    private VigilServer(Process process, HttpClient http, string dataDir)
    {
        _process = process;
        _http = http;
        DataDir = dataDir;
    }

    public string DataDir { get; }

    /// <summary>User and system CPU time the serve process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The serve process's id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Minor page faults of the serve process so far (Linux: /proc/PID/stat, field 10), 0 where unreadable.</summary>
    public long MinorFaults
    {
        get
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
                // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return long.Parse(fields[7], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return 0;
            }
        }
    }

    public static string VigilDll => Path.Combine(AppContext.BaseDirectory, "vigil.dll");

    public static async Task<VigilServer> StartAsync(string folder, int syslogPort, int httpPort, IEnumerable<string> rules, string extraConfig = "")
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var dataDir = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        var token = (await RunVigilAsync("tokens", "create", "--name", "bench", "--scope", "metrics", "--data-dir", dataDir).ConfigureAwait(false)).Trim();
        var config = Path.Combine(folder, "vigil.yml");
        var ruleLines = string.Join("\n", rules.Select(static r => $"  - {r}"));
        await File.WriteAllTextAsync(config, $"""
            storage:
              dataDirectory: {dataDir}
            http:
              url: http://127.0.0.1:{httpPort}
            syslog:
              udp: ""
              tls: ""
              tcp: 127.0.0.1:{syslogPort}
            rules:
            {ruleLines}
            {extraConfig}
            """).ConfigureAwait(false);
        var start = new ProcessStartInfo("dotnet", [VigilDll, "serve", "--config", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        // Vigil's own collector settings (its runtimeconfig: the server collector) unless the bench's caller chose
        // otherwise: the environment is inherited, so DOTNET_gcServer=0 compares with the workstation collector.
        var process = Process.Start(start) ?? throw new InvalidOperationException("vigil serve did not start");
        process.ErrorDataReceived += static (_, _) => { };
        process.OutputDataReceived += static (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var server = new VigilServer(process, http, dataDir);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"vigil serve exited with {process.ExitCode}");
            }

            try
            {
                if ((await http.GetAsync("/healthz").ConfigureAwait(false)).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("vigil serve did not answer /healthz within 5 minutes");
            }

            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    /// <summary>A counter from <c>/metrics</c>, summed over its label sets; <paramref name="labelFilter"/> selects label sets containing it.</summary>
    public async Task<double> MetricAsync(string name, string labelFilter = "")
    {
        var text = await _http.GetStringAsync("/metrics").ConfigureAwait(false);
        double sum = 0;
        foreach (Match m in MetricLine().Matches(text))
        {
            if (m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains(labelFilter, StringComparison.Ordinal))
            {
                sum += double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    /// <summary>The writer's and the detector's busy time and batch counts so far.</summary>
    public async Task<ServeStages> StagesAsync() => new(
        await MetricAsync("vigil_store_write_seconds_sum").ConfigureAwait(false),
        await MetricAsync("vigil_store_write_seconds_count").ConfigureAwait(false),
        await MetricAsync("vigil_detection_seconds_sum").ConfigureAwait(false),
        await MetricAsync("vigil_detection_seconds_count").ConfigureAwait(false),
        await MetricAsync("dotnet_gc_collections_total", "generation=\"0\"").ConfigureAwait(false),
        await MetricAsync("dotnet_gc_collections_total", "generation=\"1\"").ConfigureAwait(false),
        await MetricAsync("dotnet_gc_collections_total", "generation=\"2\"").ConfigureAwait(false),
        await MetricAsync("dotnet_gc_pause_seconds_total").ConfigureAwait(false),
        await MetricAsync("dotnet_gc_allocated_bytes_total").ConfigureAwait(false),
        await MetricAsync("vigil_writer_detection_waits_total").ConfigureAwait(false),
        await MetricAsync("dotnet_jit_methods_compiled_total").ConfigureAwait(false),
        await MetricAsync("dotnet_jit_compilation_seconds_total").ConfigureAwait(false));

    public static async Task<string> RunVigilAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [VigilDll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"vigil {string.Join(' ', args)} failed: {error}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _http.Dispose();
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(?:\{(?<labels>[^}]*)\})? (?<value>[0-9.eE+-]+)$", RegexOptions.Multiline)]
    private static partial Regex MetricLine();
}
