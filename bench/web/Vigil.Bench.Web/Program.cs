using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Vigil.Bench.Web;
using Vigil.Storage;
using Vigil.Web.Access;
using Vigil.Web.Auth;

// bench/web: one million events and ten thousand alerts in SQLite (with vulnerability findings, a PHI scan and an audit
// log), the real vigil serve, ab against every page and API call listed in Targets.cs.
var events = Arg("--events", 1_000_000);
var alerts = Arg("--alerts", 10_000);
var findings = Arg("--findings", 10_000);
var items = Arg("--phi-items", 5_000);
var auditEntries = Arg("--audit", 100_000);
var incidents = Arg("--incidents", 300);
var only = args.SkipWhile(static a => a != "--only").Skip(1).FirstOrDefault()?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var requests = Arg("--requests", 200);
// The rules serve loads: Vigil's bundled pack by default; --rules DIR (repeatable) as `vigil serve --rules`, e.g. a SigmaHQ checkout.
var rules = args.Select((a, i) => (a, i)).Where(p => p.a == "--rules" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToList();
var concurrency = Arg("--concurrency", 4);
var root = Path.Combine(Path.GetTempPath(), "vigil-bench-web", Guid.NewGuid().ToString("N"));
var data = Path.Combine(root, "data");
const string Password = "bench password that is long";
var now = DateTimeOffset.UtcNow;
string token;
Seeded seeded;
var clock = Stopwatch.StartNew();
var seedClock = new SeedClock();
await using (var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = data }, seedClock, CancellationToken.None))
{
    await Seeder.SeedAsync(store, now, events, alerts);
    Console.WriteLine($"seeded {events:N0} events and {alerts:N0} alerts in {clock.Elapsed.TotalSeconds:0.0} s");
    var step = Stopwatch.StartNew();
    await VulnSeeder.SeedAsync(store, now, findings, 250, 40);
    var scanId = await DiscoverySeeder.SeedAsync(store, now, items, items * 2 / 5);
    Console.WriteLine($"seeded {findings:N0} vulnerability findings on 250 assets, 40 exceptions, a PHI scan of {items:N0} items in {step.Elapsed.TotalSeconds:0.0} s");
    step.Restart();
    var walk = await AuditSeeder.SeedAsync(store, seedClock, Path.Combine(data, "vigil.db"), now, auditEntries, scanId);
    Console.WriteLine($"seeded {auditEntries:N0} audit entries in {step.Elapsed.TotalSeconds:0.0} s; one walk of the whole chain (IAuditLog.VerifyAsync) took {walk.TotalMilliseconds:0} ms");
    step.Restart();
    var incidentId = await IncidentSeeder.SeedAsync(store, now, incidents, alerts);
    Console.WriteLine($"seeded {incidents:N0} incidents (3 alerts each) in {step.Elapsed.TotalSeconds:0.0} s");
    await store.Users.CreateAsync("bench", Roles.Analyst, PasswordHashing.Hash(Password), now, CancellationToken.None);
    token = (await store.Tokens.CreateAsync("bench", [Scopes.Analyse, Scopes.Respond, Scopes.Admin, Scopes.Audit], now, CancellationToken.None)).Secret;
    seeded = new Seeded(alerts, alerts / 2, VulnSeeder.AssetName(17), scanId, Math.Max(items / 3, 1), incidentId);
}

Console.WriteLine($"seeded in {clock.Elapsed.TotalSeconds:0.0} s ({new FileInfo(Path.Combine(data, "vigil.db")).Length / 1048576} MiB)");
var port = FreePort();
var config = Path.Combine(root, "vigil.yml");
await File.WriteAllTextAsync(config, $"storage:\n  dataDirectory: {data}\nhttp:\n  url: http://127.0.0.1:{port}\nsyslog:\n  udp: \"\"\n  tcp: \"\"\n  tls: \"\"\nanalytics: false\n"
    + (rules.Count == 0 ? "" : "rules:\n" + string.Concat(rules.Select(static r => $"  - {r}\n"))));
var serveInfo = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "vigil.dll"), "serve", "--config", config })
{
    serveInfo.ArgumentList.Add(arg);
}

using var serve = Process.Start(serveInfo)!;
serve.ErrorDataReceived += static (_, _) => { };
serve.OutputDataReceived += static (_, _) => { };
serve.BeginErrorReadLine();
serve.BeginOutputReadLine();
var cookies = new CookieContainer();
using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
try
{
    for (var i = 0; i < 300; i++)
    {
        try
        {
            if ((await http.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
            {
                break;
            }
        }
        catch (HttpRequestException)
        {
            await Task.Delay(200);
        }
    }

    // Sign in as a person would (cookie session), for the pages.
    var form = await http.GetStringAsync(new Uri("/signin", UriKind.Relative));
    var antiforgery = WebUtility.HtmlDecode(Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
    var signIn = await http.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Name"] = "bench",
        ["Password"] = Password,
        ["Code"] = "",
        ["ReturnUrl"] = "/",
        ["__RequestVerificationToken"] = antiforgery,
    }));
    if (signIn.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"sign-in answered {signIn.StatusCode}");
    }

    var cookie = $"Cookie: {cookies.GetCookieHeader(http.BaseAddress!)}";
    var bearer = $"Authorization: Bearer {token}";
    Console.WriteLine($"ab -n {requests} -c {concurrency} per target, after {requests / 4} warm-up requests; times in ms; load average {LoadAverage()}");
    Console.WriteLine($"{"target",-30} {"p50",6} {"p95",6} {"p99",6} {"p95/baseline",13} {"failed",7}");
    int? baseline = null;
    foreach (var target in Targets.All(seeded).Where((t, i) => i == 0 || only is null || only.Any(o => t.Name.Contains(o, StringComparison.OrdinalIgnoreCase))))
    {
        var url = $"http://127.0.0.1:{port}{target.Path}";
        var header = target.Via == Via.Session ? cookie : bearer;
        LoadRun.Measure(url, Math.Max(requests / 4, concurrency), concurrency, [header]);
        var (p50, p95, p99, failed) = LoadRun.Measure(url, requests, concurrency, [header]);
        baseline ??= Math.Max(p95, 1);
        Console.WriteLine($"{target.Name,-30} {p50,6} {p95,6} {p99,6} {(double)p95 / baseline.Value,13:0.0} {failed,7}{(p95 >= 200 ? "  OVER 200 ms" : "")}");
    }

    Console.WriteLine($"load average at the end {LoadAverage()}");
}
finally
{
    serve.Kill(entireProcessTree: true);
    await serve.WaitForExitAsync();
    Directory.Delete(root, recursive: true);
}

int Arg(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
