using System.CommandLine;
using Vigil.Detection.Rules;

namespace Vigil.Cli.Hunt;

/// <summary><c>vigil hunt</c>: Sigma rules over log files.</summary>
internal static class HuntCommand
{
    public static Command Create()
    {
        var rules = new Option<string[]>("--rules", "-r")
        {
            Description = "Sigma rule file or folder (repeatable). Default: Vigil's bundled rules.",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "table, jsonl or csv. Default: table on a terminal, jsonl otherwise.",
        };
        format.AcceptOnlyFromAmong("table", "jsonl", "csv");
        var output = new Option<string?>("--output", "-o") { Description = "Write detections to this file instead of stdout." };
        var minLevel = new Option<string?>("--min-level") { Description = "Report only detections at or above: informational, low, medium, high, critical." };
        minLevel.AcceptOnlyFromAmong("informational", "low", "medium", "high", "critical");
        var logsources = new Option<string?>("--logsources") { Description = "Logsource routing file (SigmaHQ's logsource configuration format). Default: Vigil's config/logsources.yml." };
        var pipelines = new Option<string[]>("--pipeline") { Description = "Field-mapping pipeline YAML file (repeatable), applied in order." };
        var placeholders = new Option<string?>("--placeholders") { Description = "YAML file of placeholder values for the expand modifier (name: [values])." };
        var noProgress = new Option<bool>("--no-progress") { Description = "Do not show a progress bar." };
        var noAnalytics = new Option<bool>("--no-analytics") { Description = "Do not run Vigil's C# analytics (password spray, impossible travel, baselines...) beside the rules." };
        var geoIp = new Option<string?>("--geoip") { Description = "Folder of DB-IP's city .mmdb files (scripts/geoip-db.sh). Default: VIGIL_GEOIP_DIR, else ~/.cache/vigil/geoip." };
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Log files or folders (recursive): NDJSON, JSON, CSV or text lines, plain or gzip.",
            Arity = ArgumentArity.OneOrMore,
        };

        CommandLine.RejectOptionLikeValues(inputs);
        var command = new Command("hunt", "Hunt through log files with Sigma rules, like Hayabusa or Chainsaw.")
        {
            rules, format, output, minLevel, logsources, pipelines, placeholders, noProgress, noAnalytics, geoIp, inputs,
        };
        command.SetAction(parse => new HuntRun(new HuntSettings(
            parse.GetValue(inputs) ?? [],
            parse.GetValue(rules) ?? [],
            parse.GetValue(format),
            parse.GetValue(output),
            parse.GetValue(minLevel) is { } level ? Enum.Parse<Level>(level, ignoreCase: true) : Level.Informational,
            parse.GetValue(logsources),
            parse.GetValue(pipelines) ?? [],
            parse.GetValue(placeholders),
            !parse.GetValue(noProgress),
            !parse.GetValue(noAnalytics),
            parse.GetValue(geoIp))).Execute());
        return command;
    }
}
