using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Vigil.Bench.Web;
using Vigil.Storage;
using Vigil.Web.Access;
using Vigil.Web.Auth;

// bench/web: one million events and ten thousand alerts in SQLite, the real vigil serve, ab against every page and API call.
var events = Arg("--events", 1_000_000);
var alerts = Arg("--alerts", 10_000);
var requests = Arg("--requests", 200);
var concurrency = Arg("--concurrency", 4);
var root = Path.Combine(Path.GetTempPath(), "vigil-bench-web", Guid.NewGuid().ToString("N"));
var data = Path.Combine(root, "data");
const string Password = "bench password that is long";
var now = DateTimeOffset.UtcNow;
string token;
long alertId;
var clock = Stopwatch.StartNew();
await using (var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = data }, TimeProvider.System, CancellationToken.None))
{
    await Seeder.SeedAsync(store, now, events, alerts);
    await store.Users.CreateAsync("bench", Roles.Analyst, PasswordHashing.Hash(Password), now, CancellationToken.None);
    token = (await store.Tokens.CreateAsync("bench", [Scopes.Analyse, Scopes.Admin], now, CancellationToken.None)).Secret;
    alertId = alerts / 2;
}

Console.WriteLine($"seeded {events:N0} events and {alerts:N0} alerts in {clock.Elapsed.TotalSeconds:0.0} s ({new FileInfo(Path.Combine(data, "vigil.db")).Length / 1048576} MiB)");
var port = FreePort();
var config = Path.Combine(root, "vigil.yml");
await File.WriteAllTextAsync(config, $"storage:\n  dataDirectory: {data}\nhttp:\n  url: http://127.0.0.1:{port}\nsyslog:\n  udp: \"\"\n  tcp: \"\"\n  tls: \"\"\nanalytics: false\n");
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
    var targets = new (string Name, string Path, string Header)[]
    {
        ("baseline /healthz", "/healthz", bearer),
        ("page Overview", "/", cookie),
        ("page Alerts (active)", "/alerts", cookie),
        ("page Alerts (any, high+)", "/alerts?status=any&minLevel=high", cookie),
        ("page Alerts (older page)", $"/alerts?status=any&before={alerts / 3}", cookie),
        ("page Alert detail", $"/alerts/{alertId}", cookie),
        ("page Events (24 h)", "/events", cookie),
        ("page Events (sshd, 7 d)", "/events?from=7d&sourceType=sshd", cookie),
        ("page Events (field filter)", "/events?from=30d&fields=user%3Dalice", cookie),
        ("page Events (rare field)", "/events?from=30d&fields=client_ip%3D198.51.100.7%0Aaction%3Dfailed", cookie),
        ("page Settings (admin token)", "/settings", bearer),
        ("api overview", "/api/v1/overview", bearer),
        ("api alerts", "/api/v1/alerts?status=active", bearer),
        ("api alert", $"/api/v1/alerts/{alertId}", bearer),
        ("api events search", "/api/v1/events/search?from=24h", bearer),
        ("api events search (field)", "/api/v1/events/search?from=7d&field=user~ali", bearer),
        ("api tokens", "/api/v1/tokens", bearer),
        ("openapi document", "/openapi/v1.json", bearer),
    };
    Console.WriteLine($"ab -n {requests} -c {concurrency} per target, after {requests / 4} warm-up requests; times in ms");
    Console.WriteLine($"{"target",-30} {"p50",6} {"p95",6} {"p95/baseline",13} {"failed",7}");
    int? baseline = null;
    foreach (var (name, path, header) in targets)
    {
        var url = $"http://127.0.0.1:{port}{path}";
        LoadRun.Measure(url, Math.Max(requests / 4, concurrency), concurrency, [header]);
        var (p50, p95, failed) = LoadRun.Measure(url, requests, concurrency, [header]);
        baseline ??= Math.Max(p95, 1);
        Console.WriteLine($"{name,-30} {p50,6} {p95,6} {(double)p95 / baseline.Value,13:0.0} {failed,7}{(p95 >= 200 ? "  OVER 200 ms" : "")}");
    }
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

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
