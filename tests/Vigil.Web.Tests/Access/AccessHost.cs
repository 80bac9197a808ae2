using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Monitoring;
using Vigil.Storage;
using Vigil.Storage.Users;
using Vigil.Web.Access;
using Vigil.Web.Auth;

namespace Vigil.Web.Tests.Access;

/// <summary>
/// The real web app on a loopback port (Kestrel), as <c>vigil serve</c> composes it, over a temporary SQLite store and
/// a fake clock; plus one probe route per policy (<c>/probe/{policy}</c>) so that access can be tested before pages exist.
/// </summary>
internal sealed partial class AccessHost : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    // One Argon2id hash for every test user (hashing is deliberately slow; verifying at sign-in is what is tested).
    private static readonly Lazy<string> PasswordHash = new(static () => PasswordHashing.Hash(Password));
    private readonly string _root;
    private readonly WebApplication _app;

    private AccessHost(string root, WebApplication app, IVigilStore store, FakeTimeProvider time, WebOptions options)
    {
        _root = root;
        _app = app;
        Store = store;
        Time = time;
        Options = options;
        BaseAddress = new Uri(app.Urls.First());
    }

    public IVigilStore Store { get; }

    public FakeTimeProvider Time { get; }

    public WebOptions Options { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public string DataDirectory => Path.Combine(_root, "data");

    public static async Task<AccessHost> StartAsync(Action<WebOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "vigil-web-tests", Guid.NewGuid().ToString("N"));
        var options = new WebOptions { Url = "http://127.0.0.1:0" };
        configure?.Invoke(options);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = Path.Combine(root, "data") }, time, CancellationToken.None);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        Assert.Null(builder.WebHost.UseVigilUrl(options));
        var problems = new ProblemLog(static _ => { });
        var engine = new DetectionEngine(RuleSet.Load([], problems), new EngineOptions(), problems);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(new MonitoringService(store, engine, new MonitoringOptions(), time, NullLoggerFactory.Instance));
        builder.Services.AddSingleton<TimeProvider>(time);
        services?.Invoke(builder.Services);
        builder.Services.AddVigilWeb(options, Path.Combine(root, "data"));
        var app = builder.Build();
        app.UseVigilAccess();
        app.MapVigilApi();
        foreach (var policy in AccessPolicies.RolesByPolicy.Keys)
        {
            app.MapGet($"/probe/{policy}", static () => "ok").RequireAuthorization(policy);
            app.MapPost($"/probe/{policy}", static () => "ok").RequireAuthorization(policy);
        }

        app.MapGet("/probe/any-role", static () => "ok").RequireAuthorization();
        await app.StartAsync();
        return new AccessHost(root, app, store, time, options);
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient Client(CookieContainer? cookies = null)
        => new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true, AllowAutoRedirect = false, ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator })
        {
            BaseAddress = BaseAddress,
        };

    public async Task<UserAccount> AddUserAsync(string name, string role, byte[]? totpSecret = null)
    {
        var user = await Store.Users.CreateAsync(name, role, PasswordHash.Value, Time.GetUtcNow(), CancellationToken.None);
        Assert.NotNull(user);
        if (totpSecret is not null)
        {
            var box = Services.GetRequiredService<SecretBox>();
            await Store.Users.SetTotpAsync(user.Id, box.Seal(totpSecret, user.Id), enrolled: true, CancellationToken.None);
        }

        return (await Store.Users.GetAsync(user.Id, CancellationToken.None))!;
    }

    /// <summary>
    /// Adds each user (admins and privacy officers with a TOTP authenticator when <c>Totp</c> is set), signs each in
    /// through the sign-in form and returns a cookie client per name.
    /// </summary>
    public async Task<Dictionary<string, HttpClient>> SignedInClientsAsync(params (string Name, string Role, bool Totp)[] users)
    {
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (name, role, totp) in users)
        {
            var secret = totp ? TotpCodes.NewSecret() : null;
            await AddUserAsync(name, role, secret);
            var client = Client();
            var signIn = await SignInAsync(client, name, code: secret is null ? null : TotpCodes.Compute(secret, Time.GetUtcNow()));
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{name} could not sign in: {signIn.StatusCode}");
            clients[name] = client;
        }

        return clients;
    }

    /// <summary>The antiforgery token of the first form on <paramref name="path"/>.</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = FormToken().Match(html);
        Assert.True(match.Success, $"{path} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form with the antiforgery token of the page it is on.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = await FormTokenAsync(client, page);
        var values = fields.Select(static f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password = Password, string? code = null)
        => PostFormAsync(client, "/signin", "/signin", ("Name", name), ("Password", password), ("Code", code ?? ""));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
