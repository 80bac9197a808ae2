using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using OtpNet;
using Vigil.Storage;
using Vigil.Storage.Vulnerabilities;
using Vigil.Vulnerabilities.Matching;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Tests.Discovery;

namespace Vigil.Web.Tests.Browser;

/// <summary>
/// The real <c>vigil serve</c> as a process over a temporary SQLite store, shared by every browser test: a rule that fires
/// on a marker, an ingest token, four users created through the store API (admin, analyst and privacy officer with TOTP,
/// a viewer without), a discovery root holding the planted mailbox and one overdue vulnerability finding. Tests that
/// need more seed data add a seeding method in a partial file of their own and one call in <see cref="SeedAsync"/>.
/// </summary>
internal sealed partial class ServeApp : IAsyncDisposable
{
    public const string Marker = "VIGIL-BROWSER-TEST";
    public const string Password = "correct horse battery staple";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vigil-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _stderr = new();
    private readonly Dictionary<string, long> _usedSteps = [];
    private Process? _process;

    public Uri BaseAddress { get; private set; } = null!;

    public string IngestToken { get; private set; } = "";

    /// <summary>The planted mailbox (mbox) inside the discovery root.</summary>
    public string Mailbox { get; private set; } = "";

    /// <summary>TOTP secrets of the users that have one, by name.</summary>
    public Dictionary<string, byte[]> TotpSecrets { get; } = [];

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

    public async Task StartAsync()
    {
        var data = Path.Combine(_root, "data");
        var exports = Path.Combine(_root, "exports");
        Mailbox = PlantedMailbox.Write(exports);
        Directory.CreateDirectory(Path.Combine(_root, "rules"));
        await File.WriteAllTextAsync(Path.Combine(_root, "rules", "marker.yml"), $"""
            title: Browser test marker seen
            id: 5a0f3c3e-8f43-4b8e-9d55-1f7c3a0b9e21
            status: test
            description: Fires on the browser test marker, standing in for a password spray.
            author: Vigil tests
            tags:
              - attack.credential_access
              - attack.t1110.003
            logsource:
              product: vigil-tests
            detection:
              selection:
                action: {Marker}
              condition: selection
            level: high
            """);
        var port = FreePort();
        var config = Path.Combine(_root, "vigil.yml");
        await File.WriteAllTextAsync(config, $"""
            storage:
              dataDirectory: {data}
            http:
              url: http://127.0.0.1:{port}
              access:
                # Far fewer than the suite's sign-ins from 127.0.0.1 in a minute: successful ones must not count.
                signInPerAddressPerMinute: 3
              discovery:
                roots:
                  - {exports}
            syslog:
              udp: ""
              tcp: ""
              tls: ""
            rules:
              - {Path.Combine(_root, "rules")}
            analytics: false
            """);
        await SeedAsync(data);
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "vigil.dll"), "serve", "--config", config })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
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
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(_process.HasExited, $"vigil serve exited: {Stderr}");
            try
            {
                if ((await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail($"vigil serve did not answer /healthz within 60 s: {Stderr}");
    }

    /// <summary>A code of the user's authenticator for a time step no sign-in has used yet.</summary>
    /// <remarks>
    /// Vigil refuses a code whose time step was already used (replay), and many tests sign in as the same user within
    /// one 30 s step: each sign-in takes the next unused step, using the server's one step of tolerance for the future,
    /// and waits for the clock when both are used.
    /// </remarks>
    public async Task<string> CodeAsync(string user)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            long step;
            lock (_usedSteps)
            {
                step = Math.Max(now, _usedSteps.GetValueOrDefault(user, long.MinValue) + 1);
                if (step <= now + 1)
                {
                    _usedSteps[user] = step;
                }
            }

            if (step <= now + 1)
            {
                return new Totp(TotpSecrets[user]).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Posts NDJSON events to <c>/api/v1/events</c> with the ingest token; fails on an error answer.</summary>
    public async Task IngestAsync(string ndjson)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IngestToken);
        using var answer = await http.PostAsync(new Uri("/api/v1/events", UriKind.Relative), new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task SeedAsync(string data)
    {
        var now = DateTimeOffset.UtcNow;
        await using var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = data }, TimeProvider.System, CancellationToken.None);
        var box = SecretBox.Open(data);
        foreach (var (name, role, totp) in new[] { ("ada", Roles.Admin, true), ("ana", Roles.Analyst, true), ("dpo", Roles.PrivacyOfficer, true), ("vic", Roles.Viewer, false) })
        {
            var user = await store.Users.CreateAsync(name, role, PasswordHashing.Hash(Password), now, CancellationToken.None);
            Assert.NotNull(user);
            if (totp)
            {
                var secret = KeyGeneration.GenerateRandomKey(20);
                TotpSecrets[name] = secret;
                await store.Users.SetTotpAsync(user.Id, box.Seal(secret, user.Id), enrolled: true, CancellationToken.None);
            }
        }

        IngestToken = (await store.Tokens.CreateAsync("browser-test", [Scopes.Ingest], now, CancellationToken.None)).Secret;
        await SeedVulnerabilityAsync(store, now);
        await SeedIncidentRuleAsync();
        await SeedBreachIncidentAsync(store, now);
        await SeedRulesAsync(store, now);
    }

    private static async Task SeedVulnerabilityAsync(IVigilStore store, DateTimeOffset now)
    {
        var finding = new Finding("ehr-db", "openssl", "3.0.1", "AlmaLinux:9", "ALSA-2026:0001", ["CVE-2026-0001"], "3.0.2", 9.8, "critical", true, null, false, 0.5, 0.97, 950, "osv", "high", true);
        await store.Vulnerabilities.RecordScanAsync(new ScanRun(0, now, now, 1, 1, 1, 0, 0),
            [new StoredFinding(null, finding.Key, finding.Asset, finding.Advisory, now.AddDays(-30), now, DateOnly.FromDateTime(now.UtcDateTime.AddDays(-3)), null, null, VulnJson.Write(finding))],
            [], CancellationToken.None);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
