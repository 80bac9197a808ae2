using System.CommandLine;

namespace Vigil.Cli.Vulns;

/// <summary>
/// <c>vigil vulns</c>: feeds import, scan, status and exceptions. Exit codes: 0 done; 1 failed (store, no feeds,
/// output); 2 bad usage; 3 done, but some input items were skipped (each named on stderr).
/// </summary>
internal static class VulnsCommand
{
    public const int Failed = 1;
    public const int Skipped = 3;

    public static Command Create()
    {
        var vulns = new Command("vulns", "Vulnerabilities: feeds, scans of inventories, findings with patch deadlines, exceptions.");
        vulns.Subcommands.Add(FeedsCommand.Create());
        vulns.Subcommands.Add(ScanCommand.Create());
        vulns.Subcommands.Add(StatusCommand.Create());
        vulns.Subcommands.Add(ExceptionsCommand.Create());
        return vulns;
    }

    /// <summary>The <c>--format</c> option every findings command takes.</summary>
    public static Option<string> Format()
    {
        var format = new Option<string>("--format", "-f") { Description = "table, jsonl or csv.", DefaultValueFactory = static _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl", "csv");
        return format;
    }

    /// <summary>Opens <paramref name="path"/> for writing (or stdout); null with a message when it cannot.</summary>
    public static Stream? OpenOutput(string command, string? path)
    {
        if (path is null)
        {
            return Console.OpenStandardOutput();
        }

        try
        {
            return File.Create(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"vigil {command}: cannot write {path}: {e.GetType().Name}");
            return null;
        }
    }
}
