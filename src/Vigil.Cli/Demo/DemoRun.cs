using System.Diagnostics;
using Spectre.Console;
using Vigil.Cli.Demo.Generation;
using Vigil.Cli.Demo.Replay;
using Vigil.Cli.Demo.Report;
using Vigil.Storage;

namespace Vigil.Cli.Demo;

/// <summary>One run of <c>vigil demo</c>: generate, replay, report.</summary>
internal sealed class DemoRun(DemoSettings settings)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var keep = settings.DataDirectory is not null;
        var folder = keep ? Path.GetFullPath(settings.DataDirectory!) : Directory.CreateTempSubdirectory("vigil-demo-").FullName;
        try
        {
            GeneratedRun generated;
            try
            {
                generated = GeneratedRun.Create(settings, folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CommandLine.Fail("demo", $"{folder}: cannot write the logs ({e.Message})");
            }

            var report = await ReplayAsync(generated, folder, keep, cancellationToken).ConfigureAwait(false);
            if (report is null)
            {
                return 1;
            }

            if (settings.Format == "json")
            {
                using var stdout = Console.OpenStandardOutput();
                ReportJson.Write(report, stdout);
            }
            else
            {
                ReportTable.Print(report, AnsiConsole.Console);
            }

            return 0;
        }
        finally
        {
            if (!keep)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException e)
                {
                    Console.Error.WriteLine($"vigil demo: could not remove {folder} ({e.Message})");
                }
            }
        }
    }

    /// <summary>Replays what was generated into the store in <paramref name="folder"/>; null (after one line on stderr) when the store failed.</summary>
    private async Task<DemoReport?> ReplayAsync(GeneratedRun run, string folder, bool keep, CancellationToken cancellationToken)
    {
        var (world, logs, generated) = run;
        Console.Error.WriteLine($"vigil demo: {logs.Records:N0} records in {logs.Files.Count} files generated in {generated.TotalSeconds:0.0} s; replaying");
        var replay = new DemoReplay(logs, folder, settings.Rules.Count > 0 ? settings.Rules : [Bundled.RulesFolder], settings.Analytics);
        ReplayResult result;
        try
        {
            result = await replay.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StoreException or TimeoutException)
        {
            Console.Error.WriteLine($"vigil demo: {e.Message}");
            return null;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("vigil demo: cancelled");
            return null;
        }

        foreach (var problem in replay.InputProblems.Problems.Take(20))
        {
            Console.Error.WriteLine($"input: {problem}");
        }

        return new DemoReport(
            settings.Seed,
            settings.Days,
            new DateTimeOffset(world.Attack.Day),
            result.Events,
            result.Problems,
            result.RulesLoaded,
            DemoReport.BuildStages(result.StageStarts, result.Alerts),
            [.. result.Alerts.Where(static a => a.IsFalse)],
            result.Alerts.Count,
            generated,
            result.Elapsed,
            keep ? folder : null);
    }

    private sealed record GeneratedRun(World World, GeneratedLogs Logs, TimeSpan Elapsed)
    {
        public static GeneratedRun Create(DemoSettings settings, string folder)
        {
            var clock = Stopwatch.StartNew();
            var (world, logs) = ClinicGenerator.Generate(settings.Seed, settings.Days, Path.Combine(folder, "logs"));
            return new GeneratedRun(world, logs, clock.Elapsed);
        }
    }
}
