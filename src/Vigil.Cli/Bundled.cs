namespace Vigil.Cli;

/// <summary>Where the files shipped beside the executable are: Vigil's own rules and configuration.</summary>
internal static class Bundled
{
    public static string RulesFolder => Path.Combine(AppContext.BaseDirectory, "rules");

    public static string LogsourcesFile => Path.Combine(AppContext.BaseDirectory, "config", "logsources.yml");
}
