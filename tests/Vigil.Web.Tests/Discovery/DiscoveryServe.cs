using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using OtpNet;
using Vigil.Storage;
using Vigil.Storage.Vulnerabilities;
using Vigil.Vulnerabilities.Matching;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Tests.Browser;

namespace Vigil.Web.Tests.Discovery;

/// <summary>
/// The real <c>vigil serve</c> with a discovery root holding the planted mailbox, a privacy officer (TOTP) and a viewer,
/// one vulnerability finding, and Debian's Chromium: the same way the other browser tests run.
/// </summary>
public sealed class DiscoveryServe : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vigil-discovery-browser", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _stderr = new();
    private readonly Dictionary<string, byte[]> _totp = [];
    private Process? _process;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public string Mailbox { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(BrowserFixture.ChromiumPath), $"{BrowserFixture.ChromiumPath} is missing: install Debian's browser with `apt-get install chromium`");
        Directory.CreateDirectory(BrowserFixture.Screenshots);
        var data = Path.Combine(_root, "data");
        var exports = Path.Combine(_root, "exports");
        Mailbox = PlantedMailbox.Write(exports);
        Directory.CreateDirectory(Path.Combine(_root, "rules"));
        await File.WriteAllTextAsync(Path.Combine(_root, "rules", "marker.yml"), """
            title: Discovery browser test marker
            id: 0d7b1c52-2b1e-4a8c-9a51-6f0e2b7d4c11
            status: test
            logsource:
              product: vigil-tests
            detection:
              selection:
                action: DISCOVERY-MARKER
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
        await StartServeAsync(config);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserFixture.ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>A new browser context signed in as <paramref name="user"/>.</summary>
    public async Task<IPage> SignInAsync(string user)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#name", user);
        await page.FillAsync("#password", Password);
        if (_totp.TryGetValue(user, out var secret))
        {
            await page.FillAsync("#code", new Totp(secret).ComputeTotp(DateTime.UtcNow));
        }

        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
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
        foreach (var (name, role, totp) in new[] { ("dpo", Roles.PrivacyOfficer, true), ("vic", Roles.Viewer, false) })
        {
            var user = await store.Users.CreateAsync(name, role, PasswordHashing.Hash(Password), now, CancellationToken.None);
            Assert.NotNull(user);
            if (totp)
            {
                var secret = KeyGeneration.GenerateRandomKey(20);
                _totp[name] = secret;
                await store.Users.SetTotpAsync(user.Id, box.Seal(secret, user.Id), enrolled: true, CancellationToken.None);
            }
        }

        var finding = new Finding("ehr-db", "openssl", "3.0.1", "AlmaLinux:9", "ALSA-2026:0001", ["CVE-2026-0001"], "3.0.2", 9.8, "critical", true, null, false, 0.5, 0.97, 950, "osv", "high", true);
        await store.Vulnerabilities.RecordScanAsync(new ScanRun(0, now, now, 1, 1, 1, 0, 0),
            [new StoredFinding(null, finding.Key, finding.Asset, finding.Advisory, now.AddDays(-30), now, DateOnly.FromDateTime(now.UtcDateTime.AddDays(-3)), null, null, VulnJson.Write(finding))],
            [], CancellationToken.None);
    }

    private async Task StartServeAsync(string config)
    {
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
            Assert.False(_process.HasExited, $"vigil serve exited: {Stderr()}");
            try
            {
                if ((await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail($"vigil serve did not answer /healthz within 60 s: {Stderr()}");
    }

    private string Stderr()
    {
        lock (_stderr)
        {
            return _stderr.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
