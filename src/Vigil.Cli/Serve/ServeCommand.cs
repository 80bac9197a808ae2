using System.CommandLine;

namespace Vigil.Cli.Serve;

/// <summary><c>vigil serve</c>: continuous monitoring.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config", "-c") { Description = "Configuration file (YAML or JSON). Environment variables VIGIL_Section__Key override it." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Where the SQLite database lives. Default: ./vigil-data" };
        var rules = new Option<string[]>("--rules", "-r") { Description = "Sigma rule file or folder (repeatable). Default: Vigil's bundled rules." };
        var http = new Option<string?>("--http") { Description = "HTTP listen URL. Default: http://127.0.0.1:8514" };
        var command = new Command("serve", "Receive logs continuously (syslog, HTTP, files), store them, detect and alert.")
        {
            config, dataDir, rules, http,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (parse.GetValue(dataDir) is { } dir)
            {
                overrides["Storage:DataDirectory"] = dir;
            }

            if (parse.GetValue(http) is { } url)
            {
                overrides["Http:Url"] = url;
            }

            var ruleList = parse.GetValue(rules) ?? [];
            for (var i = 0; i < ruleList.Length; i++)
            {
                overrides[$"Rules:{i}"] = ruleList[i];
            }

            var errors = new List<string>();
            var settings = ServeConfiguration.Load(parse.GetValue(config), overrides, errors);
            if (errors.Count > 0)
            {
                errors.ForEach(static e => Console.Error.WriteLine($"vigil serve: config: {e}"));
                return CommandLine.BadUsage;
            }

            return await new ServeRun(settings).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
