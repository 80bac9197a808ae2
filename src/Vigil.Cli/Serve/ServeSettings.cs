using System.Net;
using Vigil.Detection.Rules;
using Vigil.Monitoring.Delivery;
using Vigil.Storage;
using Vigil.Web;

namespace Vigil.Cli.Serve;

/// <summary>Everything <c>vigil serve</c> can be told, bound from the configuration file and the environment.</summary>
internal sealed class ServeSettings
{
    public StoreOptions Storage { get; set; } = new();

    public WebOptions Http { get; set; } = new();

    public SyslogSettings Syslog { get; set; } = new();

    public List<TailSettings> Files { get; set; } = [];

    /// <summary>Sigma rule files or folders; empty for Vigil's bundled rules.</summary>
    public List<string> Rules { get; set; } = [];

    /// <summary>Logsource routing file; empty for the bundled one.</summary>
    public string? Logsources { get; set; }

    public string MinLevel { get; set; } = "medium";

    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromHours(1);

    public int RetentionDays { get; set; } = 90;

    public long RetentionMaxEvents { get; set; } = 50_000_000;

    public int QueueCapacity { get; set; } = 65_536;

    public AlertingSettings Alerting { get; set; } = new();

    /// <summary>Run Vigil's C# analytics (password spray, impossible travel, baselines) beside the rules.</summary>
    public bool Analytics { get; set; } = true;

    /// <summary>DB-IP city database folder (scripts/geoip-db.sh); default VIGIL_GEOIP_DIR, else ~/.cache/vigil/geoip.</summary>
    public string? GeoIpDirectory { get; set; }

    /// <summary>The practice's own mail domains (for outbound mail analytics); inferred from the mail logs when empty.</summary>
    public List<string> InternalDomains { get; set; } = [];

    /// <summary>How long before each incident deadline a reminder alert is raised (default 24:00:00 and 06:00:00); one more when it passes.</summary>
    public List<TimeSpan>? DeadlineReminders { get; set; }

    public Level Level => Enum.Parse<Level>(MinLevel, ignoreCase: true);

    /// <summary>Every problem, one line each naming the setting; empty when the settings can be used.</summary>
    public List<string> Validate()
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(Http.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            errors.Add($"http:url: '{Http.Url}' is not an http(s) URL");
        }

        if (Http.MaxRequestBytes is < 1024 or > 1024L * 1024 * 1024)
        {
            errors.Add("http:maxRequestBytes: must be between 1 KiB and 1 GiB");
        }

        foreach (var (name, value) in new[] { ("syslog:udp", Syslog.Udp), ("syslog:tcp", Syslog.Tcp), ("syslog:tls", Syslog.Tls) })
        {
            if (!string.IsNullOrEmpty(value) && !IPEndPoint.TryParse(value, out _))
            {
                errors.Add($"{name}: '{value}' is not an address:port");
            }
        }

        if (Syslog.Certificate is { } certificate && !File.Exists(certificate))
        {
            errors.Add($"syslog:certificate: {certificate}: no such file");
        }

        if (Syslog.MaxMessageBytes is < 480 or > 16 * 1024 * 1024)
        {
            errors.Add("syslog:maxMessageBytes: must be between 480 (RFC 5424's minimum) and 16 MiB");
        }

        errors.AddRange(Rules.Where(static r => !File.Exists(r) && !Directory.Exists(r)).Select(static r => $"rules: {r}: no such file or folder"));
        if (Logsources is { Length: > 0 } logsources && !File.Exists(logsources))
        {
            errors.Add($"logsources: {logsources}: no such file");
        }

        errors.AddRange(Files.Where(static f => string.IsNullOrWhiteSpace(f.Path)).Select(static _ => "files: an entry has no path"));
        if (!Enum.TryParse<Level>(MinLevel, ignoreCase: true, out _))
        {
            errors.Add($"minLevel: '{MinLevel}' is not informational, low, medium, high or critical");
        }

        if (GroupWindow <= TimeSpan.Zero)
        {
            errors.Add("groupWindow: must be positive (for example 01:00:00)");
        }

        if (RetentionDays < 1 || RetentionMaxEvents < 1000)
        {
            errors.Add("retentionDays / retentionMaxEvents: must be at least 1 day and 1,000 events");
        }

        if (QueueCapacity is < 16 or > 10_000_000)
        {
            errors.Add("queueCapacity: must be between 16 and 10,000,000");
        }

        errors.AddRange(AlertChannels.Validate(Alerting.Channels, "alerting:channels"));
        errors.AddRange(Alerting.Delivery.Validate("alerting:delivery"));
        return errors;
    }
}
