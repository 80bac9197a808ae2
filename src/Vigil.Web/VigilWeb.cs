using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Storage;
using Vigil.Storage.Audit;
using Vigil.Web.Access;
using Vigil.Web.Api;
using Vigil.Web.Auth;
using Vigil.Web.Pages;

namespace Vigil.Web;

/// <summary>Registers and maps Vigil's web app and HTTP API, and the access layer in front of both.</summary>
/// <remarks>
/// Host order: <c>services.AddVigilWeb(options, dataDirectory)</c> (with an <see cref="IVigilStore"/>, a
/// <see cref="TimeProvider"/> and the monitoring service registered), then <c>app.UseVigilAccess()</c>, then
/// <c>app.MapVigilApi()</c>. Every route requires a signed-in person or a token with the route's policy, except the
/// sign-in and set-up pages and <c>/healthz</c>, which answers only "ok" so that a supervisor can probe liveness.
/// </remarks>
public static class VigilWeb
{
    /// <summary>The rate-limiting policy of the set-up page (per client address, POSTs only); sign-in limits failed attempts itself.</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>Adds cookie sign-in for people, bearer tokens for programs, the policies, Razor Pages and the audit log.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="options">The HTTP settings.</param>
    /// <param name="dataDirectory">The data folder: the TOTP key file and the cookie keys live there (never in the database).</param>
    public static IServiceCollection AddVigilWeb(this IServiceCollection services, WebOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddProblemDetails();
        services.AddSingleton(_ => SecretBox.Open(dataDirectory));
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<Access.Users.UserAdministration>();
        services.AddSingleton<IAuditLog>(static sp => sp.GetRequiredService<IVigilStore>().Audit);
        services.AddSingleton<Api.Audit.AuditChainMonitor>();
        services.AddSingleton<Api.Vulnerabilities.VulnerabilityViewCache>();
        services.AddDataProtection()
            .SetApplicationName("vigil")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(dataDirectory), "keys")));

        services.AddAuthentication(AccessSchemes.Default)
            .AddPolicyScheme(AccessSchemes.Default, null, static o => o.ForwardDefaultSelector = static c =>
                c.Request.Headers.ContainsKey("Authorization") ? AccessSchemes.Bearer : AccessSchemes.Cookie)
            .AddCookie(AccessSchemes.Cookie, o => ConfigureCookie(o, options))
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(AccessSchemes.Bearer, null);
        services.AddOptions<CookieAuthenticationOptions>(AccessSchemes.Cookie).Configure<SessionValidator, TimeProvider>(static (o, sessions, time) =>
        {
            o.Events.OnValidatePrincipal = sessions.ValidateAsync;
            o.TimeProvider = time;
        });
        AccessPolicies.Register(services.AddAuthorizationBuilder());
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = static (c, ct) => new(c.HttpContext.Response.WriteAsync("Too many attempts from this address; wait a minute and try again.", ct));
            o.AddPolicy(SignInRateLimit, c => HttpMethods.IsPost(c.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(c.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.Access.SignInPerAddressPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
        });
        services.AddAntiforgery(static o =>
        {
            o.Cookie.Name = "vigil_csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddVigilPages();
        services.AddSingleton(options.Discovery);
        services.AddSingleton<Discovery.DiscoveryScans>();
        services.AddSingleton(static _ => new Incidents.PlaybookCatalog()).AddSingleton<Incidents.IncidentWork>();
        services.AddSingleton<Responding.BreachWork>();
        services.TryAddSingleton(static sp => Rules.RuleCatalog.Empty(sp.GetService<Monitoring.MonitoringService>()?.Rules ?? new Monitoring.Live.LiveRules()));
        var mvc = services.AddRazorPages();
        var assembly = typeof(VigilWeb).Assembly;
        if (!mvc.PartManager.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
        {
            mvc.AddApplicationPart(assembly);
        }

        return services;
    }

    /// <summary>Security headers, rate limits, authentication, authorisation and antiforgery, in that order, then the OpenAPI document's cache.</summary>
    public static IApplicationBuilder UseVigilAccess(this IApplicationBuilder app)
    {
        app.Use(SecurityHeaders.ApplyAsync);
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        var openApi = new Api.OpenApiDocumentCache();
        app.Use(next => context => openApi.InvokeAsync(context, next));
        return app;
    }

    /// <summary>Maps <c>/api/v1/events</c>, <c>/metrics</c>, <c>/healthz</c> and the Razor Pages (sign-in, account, the app).</summary>
    public static IEndpointRouteBuilder MapVigilApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events", IngestEndpoint.HandleAsync).RequireAuthorization(Scopes.Ingest).DisableAntiforgery();
        app.MapGet("/metrics", MetricsEndpoint.Handle).RequireAuthorization(Scopes.Metrics);
        app.MapGet("/healthz", static () => TypedResults.Text("ok")).AllowAnonymous();
        app.MapVigilPages();
        Api.Discovery.DiscoveryApi.Map(app);
        Api.Vulnerabilities.VulnerabilitiesApi.Map(app);
        Api.Audit.AuditApi.Map(app);
        Responding.BreachWeb.Map(app);
        app.MapRazorPages();
        return app;
    }

    /// <summary>When no enabled admin exists, issues a one-time set-up link and writes it to <paramref name="output"/>.</summary>
    /// <returns>Whether a link was issued.</returns>
    public static async Task<bool> IssueSetupLinkIfNeededAsync(IVigilStore store, WebOptions options, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(output);
        if (await store.Users.AnyEnabledWithRoleAsync(Roles.Admin, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var lifetime = options.Access.SetupLinkLifetime;
        var token = await store.Users.CreateSetupTokenAsync(time.GetUtcNow(), lifetime, cancellationToken).ConfigureAwait(false);
        await store.Audit.AppendAsync(new AuditEntry("system", AuditActions.SetupLinkIssued, null, null, $"valid {lifetime}"), cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"vigil serve: no administrator yet; create one within {lifetime.TotalHours:0.#} h at {options.Url.TrimEnd('/')}/setup/{token} (works once), or run: vigil users add NAME --role admin").ConfigureAwait(false);
        return true;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o, WebOptions options)
    {
        o.Cookie.Name = "vigil_session";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = options.Access.IdleTimeout;
        o.SlidingExpiration = true;
        o.LoginPath = "/signin";
        o.LogoutPath = "/signout";
        o.AccessDeniedPath = "/denied";
        o.Events.OnRedirectToLogin = static c => RedirectOrStatus(c, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = static c =>
        {
            if (!IsProgram(c.Request) && c.HttpContext.User.HasClaim(static x => x.Type == AccessClaims.TotpPending))
            {
                c.Response.Redirect("/account/totp");
                return Task.CompletedTask;
            }

            return RedirectOrStatus(c, StatusCodes.Status403Forbidden);
        };
    }

    // Programs get a status code; browsers asking for a page are sent to the page that helps.
    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> c, int status)
    {
        if (IsProgram(c.Request))
        {
            c.Response.StatusCode = status;
        }
        else
        {
            c.Response.Redirect(c.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static bool IsProgram(HttpRequest request)
        => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/metrics") || !HttpMethods.IsGet(request.Method);
}
