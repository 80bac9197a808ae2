using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Vigil.Cli.Tests.Serve;

/// <summary>A real <c>vigil serve</c> process with its own data folder and free ports, as an operator runs it.</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private ServeProcess(Process process, string config, int httpPort, int syslogPort)
    {
        _process = process;
        Config = config;
        HttpPort = httpPort;
        SyslogPort = syslogPort;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.OutputDataReceived += static (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public string Config { get; }

    public int HttpPort { get; }

    public int SyslogPort { get; }

    public bool HasExited => _process.HasExited;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Writes a configuration for <paramref name="folder"/> with fresh loopback ports and returns its path.</summary>
    public static string WriteConfig(string folder, string rules, string extra = "", string? connectionString = null)
    {
        var config = Path.Combine(folder, "vigil.yml");
        var yaml = $"""
            storage:
              dataDirectory: {Path.Combine(folder, "data")}
              {(connectionString is null ? "" : $"connectionString: \"{connectionString}\"")}
            http:
              url: http://127.0.0.1:{FreePort()}
            syslog:
              udp: 127.0.0.1:{FreeUdpPort()}
              tcp: 127.0.0.1:{FreePort()}
              tls: ""
            rules:
              - {rules}
            {extra}
            """;
        File.WriteAllText(config, yaml);
        return config;
    }

    /// <summary>Starts <c>vigil serve --config</c> and waits until <c>/healthz</c> answers.</summary>
    public static ServeProcess Start(string config, Dictionary<string, string>? environment = null)
    {
        var text = File.ReadAllText(config);
        var httpPort = int.Parse(text.Split("http://127.0.0.1:")[1].Split('\n')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var tcp = text.Split("tcp: 127.0.0.1:");
        var syslogPort = tcp.Length > 1 ? int.Parse(tcp[1].Split('\n')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(config);
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        var serve = new ServeProcess(Process.Start(start)!, config, httpPort, syslogPort);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (serve.HasExited)
            {
                Assert.Fail($"vigil serve exited with {serve._process.ExitCode}: {serve.Stderr}");
            }

            try
            {
                if (http.GetAsync(new Uri($"http://127.0.0.1:{httpPort}/healthz")).Result.StatusCode == HttpStatusCode.OK)
                {
                    return serve;
                }
            }
            catch (AggregateException)
            {
            }

            Thread.Sleep(100);
        }

        serve.Dispose();
        Assert.Fail("vigil serve did not answer /healthz within 60 s");
        return serve;
    }

    /// <summary>A client of this server's API with <paramref name="token"/>.</summary>
    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>SIGKILL: no chance to flush or clean up.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    /// <summary>SIGTERM, as a service manager stops it, and waits for a clean exit.</summary>
    public int Stop()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            _process.Kill();
            Assert.Fail("vigil serve did not stop within 30 s of SIGTERM");
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int FreeUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }
}
