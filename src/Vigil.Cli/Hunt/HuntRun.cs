using System.Diagnostics;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Detection.Analytics;
using Vigil.Detection.Engine;
using Vigil.Detection.Pipelines;
using Vigil.Detection.Routing;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Ingestion;

namespace Vigil.Cli.Hunt;

/// <summary>One hunt: load rules, stream every input through the engine, write detections, print a summary.</summary>
internal sealed class HuntRun(HuntSettings settings)
{
    private readonly IAnsiConsole _stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public int Execute()
    {
        // One plain line per problem (never wrapped), so that it can be searched and piped.
        var ruleProblems = new ProblemLog(static p => Console.Error.WriteLine($"rule skipped: {p}"));
        var inputProblems = new ProblemLog(static p => Console.Error.WriteLine($"input: {p}"));
        var analyticProblems = new ProblemLog(static p => Console.Error.WriteLine($"analytics: {p.Reason}"));

        foreach (var path in settings.Rules.Concat(settings.Pipelines).Append(settings.Logsources).Append(settings.Placeholders).OfType<string>())
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                return CommandLine.Fail("hunt", $"{path}: no such file or folder");
            }
        }

        var rulePaths = settings.Rules.Count > 0 ? settings.Rules : [Bundled.RulesFolder];
        var clock = Stopwatch.StartNew();
        var rules = RuleSet.Load(rulePaths, ruleProblems);
        var options = new EngineOptions
        {
            Logsources = LogsourceMap.Load(settings.Logsources ?? Bundled.LogsourcesFile, ruleProblems),
            Pipelines = [.. settings.Pipelines.Select(p => Pipeline.Load(p, ruleProblems))],
            Placeholders = settings.Placeholders is null
                ? new Dictionary<string, IReadOnlyList<string>>()
                : PlaceholderValues.Load(settings.Placeholders, ruleProblems),
            Analytics = settings.Analytics
                ? VigilAnalytics.Create(new AnalyticsOptions { GeoIpDirectory = Bundled.GeoIpDirectory(settings.GeoIp) }, analyticProblems)
                : [],
        };
        var engine = new DetectionEngine(rules, options, ruleProblems);
        var loadTime = clock.Elapsed;

        var format = settings.Format ?? (settings.Output is null && !Console.IsOutputRedirected ? "table" : "jsonl");
        var levels = new Dictionary<Level, long>();
        var summary = new HuntSummary(rules, engine, ruleProblems, inputProblems, levels);
        DetectionWriter created;
        try
        {
            created = DetectionWriter.Create(format, settings.Output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CommandLine.Fail("hunt", $"{settings.Output}: cannot write ({e.Message})");
        }

        using (var writer = created)
        {
            var files = LogFiles.Expand(settings.Inputs, inputProblems).ToList();
            var batch = new List<RuleMatch>();
            void Emit()
            {
                foreach (var d in batch)
                {
                    if (d.Rule.Level >= settings.MinLevel)
                    {
                        levels[d.Rule.Level] = levels.GetValueOrDefault(d.Rule.Level) + 1;
                        writer.Write(d);
                    }
                }

                batch.Clear();
            }

            // A batch of events is read, then detected on, so that reading and rules keep their own caches warm.
            var detection = new BatchedDetection(engine);
            void HuntFile(string file)
            {
                detection.Run(LogFiles.Read(file, inputProblems), batch, _ => Emit());
                summary.FilesRead++;
            }

            if (settings.Progress && !Console.IsErrorRedirected && files.Count > 0)
            {
                var sizes = files.Select(static f => new FileInfo(f)).Select(static f => f.Exists ? f.Length : 0).ToList();
                _stderr.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("hunting", maxValue: Math.Max(1, sizes.Sum()));
                        for (var i = 0; i < files.Count; i++)
                        {
                            task.Description = Path.GetFileName(files[i]);
                            HuntFile(files[i]);
                            task.Increment(sizes[i]);
                        }
                    });
            }
            else
            {
                files.ForEach(HuntFile);
            }

            engine.Flush(batch);
            Emit();
        }

        summary.LoadTime = loadTime;
        summary.HuntTime = clock.Elapsed - loadTime;
        summary.Print(_stderr);
        return 0;
    }
}
