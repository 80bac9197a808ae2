using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Bench.Web;

/// <summary>Runs ApacheBench (<c>ab</c>, Debian package apache2-utils) against one URL and reads its percentiles.</summary>
internal static partial class LoadRun
{
    public static (int P50, int P95, int P99, int Failed) Measure(string url, int requests, int concurrency, IEnumerable<string> headers)
    {
        var start = new ProcessStartInfo("ab") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-q", "-n", requests.ToString(CultureInfo.InvariantCulture), "-c", concurrency.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var header in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }

        start.ArgumentList.Add(url);
        using var ab = Process.Start(start)!;
        var output = ab.StandardOutput.ReadToEnd();
        var error = ab.StandardError.ReadToEnd();
        ab.WaitForExit();
        if (ab.ExitCode != 0)
        {
            throw new InvalidOperationException($"ab failed on {url}: {error}");
        }

        // ab counts answers whose length differs from the first as failed; pages that show times vary in length, so only
        // errors count here: connection, receive and exceptions, and answers other than 2xx.
        var errors = Errors().Match(output);
        var non2xx = Non2xx().Match(output);
        var failed = (errors.Success ? errors.Groups.Values.Skip(1).Sum(static g => int.Parse(g.Value, CultureInfo.InvariantCulture)) : 0)
            + (non2xx.Success ? int.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
        return (Percentile(output, 50), Percentile(output, 95), Percentile(output, 99), failed);
    }

    private static int Percentile(string output, int p)
        => int.Parse(Regex.Match(output, $@"^\s*{p}%\s+(\d+)", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\(Connect: (\d+), Receive: (\d+), Length: \d+, Exceptions: (\d+)\)")]
    private static partial Regex Errors();

    [GeneratedRegex(@"Non-2xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}
