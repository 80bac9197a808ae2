namespace Vigil.Cli;

/// <summary>Where the files shipped beside the executable are: Vigil's own rules and configuration.</summary>
internal static class Bundled
{
    public static string RulesFolder => Path.Combine(AppContext.BaseDirectory, "rules");

    public static string LogsourcesFile => Path.Combine(AppContext.BaseDirectory, "config", "logsources.yml");

    /// <summary>
    /// The GeoIP database folder: the one given, else <c>VIGIL_GEOIP_DIR</c>, else where scripts/geoip-db.sh puts it
    /// (<c>~/.cache/vigil/geoip</c>) when it is there; null when there is none (the geography analytics are then off).
    /// </summary>
    public static string? GeoIpDirectory(string? given)
    {
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }

        if (Environment.GetEnvironmentVariable("VIGIL_GEOIP_DIR") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "vigil", "geoip");
        return Directory.Exists(cache) ? cache : null;
    }
}
