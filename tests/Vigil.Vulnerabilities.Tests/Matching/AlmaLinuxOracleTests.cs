using System.Diagnostics;
using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Matching;
using Vigil.Vulnerabilities.Versions;

namespace Vigil.Vulnerabilities.Tests.Matching;

/// <summary>
/// The complete AlmaLinux OSV database against an AlmaLinux package list, checked with rpm's own version comparison
/// (Debian package <c>rpm</c>: <c>rpm --eval '%{lua: rpm.vercmp(a, b)}'</c>), not with Vigil's code. No real
/// AlmaLinux package list is staged, so the list is drawn from the database: package names with version strings
/// taken from their own advisories' bounds, shifted release numbers included, so some are affected and some not.
/// </summary>
public sealed class AlmaLinuxOracleTests
{
    [Fact]
    public void The_complete_database_imports()
    {
        var feeds = RealFeeds.AlmaLinux;

        Assert.Equal(5680, feeds.Advisories.Count);
        Assert.DoesNotContain(feeds.Problems, p => p.File.EndsWith(".zip", StringComparison.Ordinal));
        Assert.Equal(5637, FeedIndex.Build(feeds).AdvisoryCount);
    }

    [Fact]
    public void Findings_agree_with_rpm_vercmp_for_a_package_list_drawn_from_the_database()
    {
        var feeds = RealFeeds.AlmaLinux;
        var components = PackageList(feeds.Advisories, "AlmaLinux:9", 600);
        var index = FeedIndex.Build(feeds);

        var vigil = new VulnerabilityMatcher(index, VersionSchemes.ForEcosystem).Match(components);

        var expected = Oracle(feeds.Advisories, components);
        var actual = vigil.Findings.Select(f => (f.Package, f.Version, f.Advisory)).ToHashSet();
        Assert.Empty(vigil.Problems);
        Assert.True(expected.Count > 100, $"the drawn list should hit many advisories, hit {expected.Count}");
        Assert.Equal(expected.Order().ToList(), actual.Order().ToList());
    }

    /// <summary>Names of AlmaLinux:9 packages with versions taken from their advisories' fixed versions, some lowered.</summary>
    private static List<Component> PackageList(IReadOnlyList<Advisory> advisories, string ecosystem, int count)
    {
        var versions = advisories.SelectMany(a => a.Affected).Where(p => p.Ecosystem == ecosystem)
            .SelectMany(p => p.Ranges.Select(r => r.Fixed).OfType<string>().Select(v => (p.Name, Version: v)))
            .Distinct().OrderBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.Version, StringComparer.Ordinal).ToList();
        var random = new Random(7);
        var picked = new List<Component>();
        foreach (var group in versions.GroupBy(v => v.Name).OrderBy(_ => random.Next()).Take(count))
        {
            var choices = group.ToList();
            var version = choices[random.Next(choices.Count)].Version;
            if (random.Next(3) == 0)
            {
                version = Lower(version);
            }

            picked.Add(new Component("alma9-host", group.Key, version, ecosystem, null, null, null, false, $"drawn:{group.Key}"));
        }

        return picked;
    }

    /// <summary>The same string with its last number one lower (when it has one above 0), e.g. <c>24.el9</c> → <c>23.el9</c>.</summary>
    private static string Lower(string version)
    {
        for (var end = version.Length - 1; end >= 0; end--)
        {
            if (!char.IsAsciiDigit(version[end]))
            {
                continue;
            }

            var start = end;
            while (start > 0 && char.IsAsciiDigit(version[start - 1]))
            {
                start--;
            }

            var number = long.Parse(version.AsSpan(start, end - start + 1), System.Globalization.CultureInfo.InvariantCulture);
            return number == 0 ? version : string.Concat(version.AsSpan(0, start), (number - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), version.AsSpan(end + 1));
        }

        return version;
    }

    /// <summary>OSV's range rule evaluated with comparisons made by rpm itself (one lua run for every pair).</summary>
    private static HashSet<(string, string, string)> Oracle(IReadOnlyList<Advisory> advisories, List<Component> components)
    {
        var byName = components.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var checks = new List<(Component Component, Advisory Advisory, VersionRange Range)>();
        foreach (var advisory in advisories)
        {
            foreach (var affected in advisory.Affected)
            {
                if (affected.Ecosystem == "AlmaLinux:9" && byName.TryGetValue(affected.Name, out var component))
                {
                    checks.AddRange(affected.Ranges.Select(r => (component, advisory, r)));
                }
            }
        }

        var pairs = new List<(string, string)>();
        foreach (var (component, _, range) in checks)
        {
            pairs.Add((component.Version, range.Introduced is null or "0" ? component.Version : range.Introduced));
            pairs.Add((component.Version, range.Fixed ?? range.LastAffected ?? component.Version));
        }

        var order = RpmVercmp(pairs);
        var affectedSet = new HashSet<(string, string, string)>();
        for (var i = 0; i < checks.Count; i++)
        {
            var (component, advisory, range) = checks[i];
            var fromIntroduced = order[2 * i] >= 0;
            var beforeEnd = range.Fixed is not null ? order[(2 * i) + 1] < 0 : range.LastAffected is null || order[(2 * i) + 1] <= 0;
            if (fromIntroduced && beforeEnd)
            {
                affectedSet.Add((component.Name, component.Version, advisory.Id));
            }
        }

        return affectedSet;
    }

    private static List<int> RpmVercmp(List<(string Left, string Right)> pairs)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, pairs.Select(p => p.Left + "\t" + p.Right));
            var start = new ProcessStartInfo("rpm") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("--eval");
            start.ArgumentList.Add("%{lua: local r = {}; for line in io.lines(\"" + file + "\") do local a, b = line:match(\"^([^\\t]*)\\t([^\\t]*)$\"); r[#r+1] = tostring(rpm.vercmp(a, b)) end; print(table.concat(r, \"\\n\"))}");
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Fail("The rpm tool is not installed: this oracle needs the Debian package 'rpm' (apt-get install rpm).");
                throw;
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(pairs.Count, results.Count);
                return results;
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
