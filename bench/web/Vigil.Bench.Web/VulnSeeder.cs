using System.Globalization;
using Vigil.Storage;
using Vigil.Storage.Vulnerabilities;
using Vigil.Vulnerabilities.Matching;

namespace Vigil.Bench.Web;

/// <summary>Open vulnerability findings spread over assets (one scan run, as <c>vigil vulns scan</c> records), and exceptions.</summary>
internal static class VulnSeeder
{
    private static readonly string[] Packages = ["openssl", "curl", "glibc", "sudo", "openssh", "nginx", "log4j-core", "libxml2", "zlib", "sqlite", "python3", "nodejs", "bash", "systemd", "krb5", "expat"];
    private static readonly string[] Severities = ["critical", "high", "high", "medium", "medium", "medium", "low", "unknown"];

    /// <summary>Seeds <paramref name="findings"/> findings on <paramref name="assets"/> assets and <paramref name="exceptions"/> exceptions (a quarter expired).</summary>
    public static async Task SeedAsync(IVigilStore store, DateTimeOffset now, int findings, int assets, int exceptions)
    {
        var random = new Random(7);
        var rows = new List<StoredFinding>(findings);
        for (var i = 0; i < findings; i++)
        {
            var asset = AssetName(i % assets);
            var package = Packages[i / assets % Packages.Length];
            var advisory = string.Create(CultureInfo.InvariantCulture, $"ALSA-2026:{i / assets:0000}");
            var cve = string.Create(CultureInfo.InvariantCulture, $"CVE-2026-{10000 + (i / assets)}");
            var severity = Severities[random.Next(Severities.Length)];
            var kev = random.Next(20) == 0;
            var cvss = Math.Round(2 + (random.NextDouble() * 8), 1);
            var epss = Math.Round(random.NextDouble(), 4);
            var priority = Math.Round((cvss * 50) + (kev ? 400 : 0) + (epss * 200), 2);
            var finding = new Finding(
                asset, package, string.Create(CultureInfo.InvariantCulture, $"1.{i % 9}.{i % 31}"), "AlmaLinux:9", advisory, [cve],
                string.Create(CultureInfo.InvariantCulture, $"1.{i % 9}.{(i % 31) + 1}"), cvss, severity, kev, kev ? DateOnly.FromDateTime(now.UtcDateTime.AddDays(14)) : null,
                kev && random.Next(4) == 0, epss, epss, priority, "osv", i % 5 == 0 ? "high" : null, i % 7 == 0);
            var firstSeen = now.AddDays(-random.Next(1, 120));
            var due = DateOnly.FromDateTime(firstSeen.UtcDateTime.AddDays(severity == "critical" ? 14 : 60));
            rows.Add(new StoredFinding(null, finding.Key, asset, advisory, firstSeen, now, due, null, null, VulnJson.Write(finding)));
        }

        await store.Vulnerabilities.RecordScanAsync(new ScanRun(0, now, now, assets, findings, findings, 0, 0), rows, [], CancellationToken.None);
        for (var i = 0; i < exceptions; i++)
        {
            // Every other exception covers one asset; the rest cover an advisory on every asset.
            var advisory = string.Create(CultureInfo.InvariantCulture, $"CVE-2026-{10000 + (i * 3 % Math.Max(findings / assets, 1))}");
            var expires = i % 4 == 0 ? now.AddDays(-3) : now.AddDays(30 + i);
            await store.Vulnerabilities.AddExemptionAsync(
                new StoredExemption(0, i % 2 == 0 ? AssetName(i * 5 % assets) : null, advisory, null, "practice manager", "Vendor patch pending; compensating control in place.", expires, now.AddDays(-10)),
                CancellationToken.None);
        }
    }

    /// <summary>The name of asset number <paramref name="n"/>.</summary>
    public static string AssetName(int n) => string.Create(CultureInfo.InvariantCulture, $"host-{n:000}");
}
