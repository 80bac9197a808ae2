using System.Text.Json;

namespace Vigil.Cli.Tests.Vulns;

/// <summary>The real <c>vigil vulns</c> executable on the staged KEV, NVD and Exchange data.</summary>
public sealed class VulnsCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static string Data(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(VigilProcess.Repository, "..", "shared", "data", "vuln", relative));
        Assert.True(File.Exists(path) || Directory.Exists(path), $"Shared test data is absent: expected {path}.");
        return path;
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Import_then_scan_writes_one_json_finding_per_line_reports_bad_rows_and_exits_3()
    {
        var dataDir = Path.Combine(_folder.Path, "data");
        var import = VigilProcess.Run("vulns", "feeds", "import", Data("kev/known_exploited_vulnerabilities.json"), Data("nvd"), Data("exchange"), "--data-dir", dataDir);
        var inventory = _folder.File("hosts.csv", "host,vendor,product,version,criticality,holds_patient_data\nmail1,Microsoft,Exchange Server,15.1.2176.9,high,true\nbad1,Microsoft,Exchange Server,,high,maybe\n");

        var scan = VigilProcess.Run("vulns", "scan", "--inventory", inventory, "--format", "jsonl", "--as-of", "2026-11-28", "--data-dir", dataDir);
        var exceptions = VigilProcess.Run("vulns", "exceptions", "add", "--advisory", "CVE-2021-34473", "--owner", "it-lead", "--reason", "mail gateway filters", "--expires", "30d", "--data-dir", dataDir);
        var status = VigilProcess.Run("vulns", "status", "--format", "csv", "--data-dir", dataDir);

        Assert.True(import.Exit is 0 or 3, import.Stderr);
        Assert.Equal(3, scan.Exit);
        Assert.Contains("hosts.csv", scan.Stderr, StringComparison.Ordinal);
        var lines = scan.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        using var first = JsonDocument.Parse(lines[0]);
        foreach (var field in (string[])["asset", "package", "version", "ecosystem", "advisory", "aliases", "fixed_version", "severity", "kev", "kev_due_date", "epss", "priority", "first_seen", "due_date", "overdue"])
        {
            Assert.True(first.RootElement.TryGetProperty(field, out _), field);
        }

        Assert.Equal("mail1", first.RootElement.GetProperty("asset").GetString());
        Assert.True(first.RootElement.GetProperty("kev").GetBoolean());
        Assert.Contains(lines, l => l.Contains("\"advisory\":\"CVE-2021-34473\"", StringComparison.Ordinal));
        Assert.Equal(0, exceptions.Exit);
        Assert.Equal(0, status.Exit);
        Assert.Contains("under exception", status.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("asset,package,version", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_without_any_feed_fails_with_a_message_and_exit_1()
    {
        var inventory = _folder.File("hosts.csv", "host,vendor,product,version\nmail1,Microsoft,Exchange Server,15.1.2176.9\n");

        var scan = VigilProcess.Run("vulns", "scan", "--inventory", inventory, "--data-dir", Path.Combine(_folder.Path, "data"));

        Assert.Equal(1, scan.Exit);
        Assert.Contains("no vulnerability feeds", scan.Stderr, StringComparison.Ordinal);
    }
}
