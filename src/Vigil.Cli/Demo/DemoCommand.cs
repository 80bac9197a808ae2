using System.CommandLine;

namespace Vigil.Cli.Demo;

/// <summary><c>vigil demo</c>: generate a clinic's logs with a breach inside and replay them through live detection.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the generator: the same seed gives the same logs. Default: 1.", DefaultValueFactory = static _ => 1 };
        var days = new Option<int>("--days") { Description = $"Days of logs ({DemoSettings.MinDays}-{DemoSettings.MaxDays}). Default: 100.", DefaultValueFactory = static _ => 100 };
        var dataDir = new Option<string?>("--data-dir") { Description = "Keep the generated logs (DIR/logs) and the store (DIR/vigil.db) here. Default: a temporary folder, deleted afterwards." };
        var format = new Option<string>("--format", "-f") { Description = "table or json. Default: table.", DefaultValueFactory = static _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var rules = new Option<string[]>("--rules", "-r") { Description = "Sigma rule file or folder (repeatable). Default: Vigil's bundled rules." };
        var noAnalytics = new Option<bool>("--no-analytics") { Description = "Do not run Vigil's C# analytics beside the rules." };
        var command = new Command("demo", "Generate three months of a clinic's logs with a mailbox breach inside, replay them through live detection and show what Vigil caught.")
        {
            seed, days, dataDir, format, rules, noAnalytics,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new DemoSettings(parse.GetValue(seed), parse.GetValue(days), parse.GetValue(dataDir), parse.GetValue(format) ?? "table", parse.GetValue(rules) ?? [], !parse.GetValue(noAnalytics));
            if (settings.Days is < DemoSettings.MinDays or > DemoSettings.MaxDays)
            {
                return CommandLine.Fail("demo", $"--days must be between {DemoSettings.MinDays} and {DemoSettings.MaxDays}");
            }

            if (settings.DataDirectory is { } dir && File.Exists(Path.Combine(dir, "vigil.db")))
            {
                return CommandLine.Fail("demo", $"{dir} already holds a store; give an empty or new folder");
            }

            if (settings.DataDirectory is { } path && File.Exists(path))
            {
                return CommandLine.Fail("demo", $"{path} is a file, not a folder");
            }

            foreach (var r in settings.Rules.Where(r => !File.Exists(r) && !Directory.Exists(r)))
            {
                return CommandLine.Fail("demo", $"{r}: no such file or folder");
            }

            return await new DemoRun(settings).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
