using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Detection.Analytics;
using Vigil.Detection.Engine;
using Vigil.Detection.Routing;
using Vigil.Diagnostics;
using Vigil.Monitoring;
using Vigil.Monitoring.Delivery;
using Vigil.Monitoring.Live;
using Vigil.Storage;
using Vigil.Storage.Events;
using Vigil.Web;

namespace Vigil.Cli.Serve;

/// <summary>One run of <c>vigil serve</c>: compose the store, the pipeline, the listeners and the API, then wait for a stop signal.</summary>
internal sealed class ServeRun(ServeSettings settings)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        IVigilStore store;
        try
        {
            store = await VigilStore.OpenAsync(settings.Storage, time, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine($"vigil serve: {e.Message}");
            return 1;
        }

        await using (store.ConfigureAwait(false))
        {
            var live = new LiveRules();
            var (catalog, engine) = LoadEngine(live);
            await catalog.InitializeAsync(store, cancellationToken).ConfigureAwait(false);
            // Vigil reads no appsettings.json: the content root is the install folder and configuration is not
            // watched. (Watching the working directory would wake a file watcher on every write to the database.)
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                ContentRootPath = AppContext.BaseDirectory,
                Args = ["--hostBuilder:reloadConfigOnChange=false"],
            });
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
                o.UseUtcTimestamp = true;
            });
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            if (builder.WebHost.UseVigilUrl(settings.Http) is { } urlError)
            {
                Console.Error.WriteLine($"vigil serve: {urlError}");
                return 2;
            }

            builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = settings.Http.MaxRequestBytes);

            var loggers = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
            var monitoring = new MonitoringService(store, engine, new MonitoringOptions
            {
                QueueCapacity = settings.QueueCapacity,
                Detection = new LiveDetectionOptions
                {
                    MinLevel = settings.Level,
                    GroupWindow = settings.GroupWindow,
                    Channels = [.. settings.Alerting.Channels.Select(static c => c.Name)],
                    Rules = live,
                },
                Retention = new RetentionPolicy(TimeSpan.FromDays(settings.RetentionDays), settings.RetentionMaxEvents),
            }, time, loggers);

            var channels = AlertChannels.Create(settings.Alerting.Channels, time);
            var dispatcher = new NotificationDispatcher(
                store.Notifications,
                store.Alerts,
                channels,
                settings.Alerting.Delivery,
                time,
                loggers.CreateLogger<NotificationDispatcher>());
            builder.Services.AddSingleton<IMetricsSource>(new DeliveryMetrics(dispatcher));
            var listenerMetrics = new List<Func<Vigil.Ingestion.Listeners.ListenerStatistics>>();
            builder.Services.AddSingleton<IMetricsSource>(new ListenerMetrics(listenerMetrics));
            builder.Services.AddSingleton<IMetricsSource>(new RuntimeMetrics());
            builder.Services.AddSingleton(new Vigil.Web.Pages.ServeStatus(() => [.. listenerMetrics.Select(static f => f())], channels, engine.RulesLoaded));
            builder.Services.AddSingleton(store);
            builder.Services.AddSingleton(catalog);
            builder.Services.AddSingleton(monitoring);
            builder.Services.AddSingleton(time);
            builder.Services.AddVigilWeb(settings.Http, settings.Storage.DataDirectory);
            var app = builder.Build();
            app.UseVigilAccess();
            app.MapVigilApi();

            await monitoring.StartAsync(cancellationToken).ConfigureAwait(false);
            using var stopping = new CancellationTokenSource();
            var delivering = Task.Run(() => dispatcher.RunAsync(stopping.Token), CancellationToken.None);
            var reminding = Task.Run(() => new Incidents.DeadlineReminderService(store, time, [.. settings.Alerting.Channels.Select(static c => c.Name)], loggers.CreateLogger<Incidents.DeadlineReminderService>(), settings.DeadlineReminders).RunAsync(stopping.Token), CancellationToken.None);
            var overdue = Task.Run(() => new Vulns.OverdueCheckService(store, time, new Vigil.Vulnerabilities.Deadlines.DeadlinePolicy(), [.. settings.Alerting.Channels.Select(static c => c.Name)], loggers.CreateLogger<Vulns.OverdueCheckService>()).RunAsync(stopping.Token), CancellationToken.None);
            var exit = 0;
            var listeners = new ServeListeners();
            await using (app.ConfigureAwait(false))
            await using (listeners.ConfigureAwait(false))
            {
                // Listeners first, so that /metrics, once it answers, sees them all.
                var error = await listeners.StartAsync(settings, monitoring, cancellationToken).ConfigureAwait(false);
                if (error is null)
                {
                    listenerMetrics.AddRange(listeners.Statistics);
                    try
                    {
                        await app.StartAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (IOException e)
                    {
                        error = $"http: cannot listen on {settings.Http.Url} ({e.Message})";
                    }
                }

                if (error is not null)
                {
                    Console.Error.WriteLine($"vigil serve: {error}");
                    exit = 1;
                }
                else
                {
                    Console.Error.WriteLine($"vigil serve: {engine.RulesLoaded} rules, store {store.Provider}, http {settings.Http.Url}, {string.Join(", ", listeners.Describe)}; Ctrl+C to stop");
                    await VigilWeb.IssueSetupLinkIfNeededAsync(store, settings.Http, time, Console.Error, cancellationToken).ConfigureAwait(false);
                    await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            // Listeners are stopped: commit what they queued, let detection finish, then stop delivery.
            await monitoring.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await stopping.CancelAsync().ConfigureAwait(false);
            await delivering.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await reminding.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await overdue.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            loggers.Dispose();
            return exit;
        }
    }

    /// <summary>Each rules folder is a pack of the web app's Rules page; the page changes live detection through <paramref name="live"/>.</summary>
    private (Vigil.Web.Rules.RuleCatalog Catalog, DetectionEngine Engine) LoadEngine(LiveRules live)
    {
        var problems = new ProblemLog(static p => Console.Error.WriteLine($"rule skipped: {p}"));
        var logsources = LogsourceMap.Load(settings.Logsources is { Length: > 0 } path ? path : Bundled.LogsourcesFile, problems);
        var analytics = settings.Analytics
            ? VigilAnalytics.Create(
                new AnalyticsOptions { GeoIpDirectory = Bundled.GeoIpDirectory(settings.GeoIpDirectory), InternalDomains = settings.InternalDomains },
                new ProblemLog(static p => Console.Error.WriteLine($"vigil serve: analytics: {p.Reason}")))
            : [];
        return Vigil.Web.Rules.RuleCatalog.Load(
            settings.Rules.Count > 0 ? settings.Rules : [Bundled.RulesFolder], Bundled.RulesFolder, new EngineOptions { Logsources = logsources, Analytics = analytics }, live, problems);
    }
}
