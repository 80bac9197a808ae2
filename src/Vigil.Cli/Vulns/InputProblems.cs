namespace Vigil.Cli.Vulns;

/// <summary>Reports skipped input on stderr: command, file, item and reason, one per line (never the item's content).</summary>
internal static class InputProblems
{
    /// <summary>At most this many lines per kind; the rest are counted.</summary>
    private const int MaxLines = 200;

    public static int Report<T>(string command, IReadOnlyList<T> problems, Func<T, string> describe)
    {
        for (var i = 0; i < Math.Min(problems.Count, MaxLines); i++)
        {
            Console.Error.WriteLine($"vigil {command}: skipped {describe(problems[i])}");
        }

        if (problems.Count > MaxLines)
        {
            Console.Error.WriteLine($"vigil {command}: ... and {problems.Count - MaxLines} more skipped");
        }

        return problems.Count;
    }
}
