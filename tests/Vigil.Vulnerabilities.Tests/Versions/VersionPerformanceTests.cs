using System.Diagnostics;
using Vigil.Vulnerabilities.Versions;

namespace Vigil.Vulnerabilities.Tests.Versions;

/// <summary>Comparison cost on the staged real-world vectors: no allocation per comparison, and fast.</summary>
/// <remarks>
/// Both measure warmed-up passes and keep the best one: the first passes run tier-0 JIT code (which allocates while it
/// is instrumented), and the test machine is shared with parallel builds, so a single pass measures the neighbours.
/// </remarks>
[Collection(nameof(VersionPerformanceTests))]
[CollectionDefinition(nameof(VersionPerformanceTests), DisableParallelization = true)]
public sealed class VersionPerformanceTests
{
    private const int Passes = 15;

    [Theory]
    [InlineData("debian-versions-generated.txt", "deb")]
    [InlineData("redhat-versions.txt", "rpm")]
    [InlineData("semver-versions.txt", "semver")]
    [InlineData("nuget-versions.txt", "nuget")]
    [InlineData("maven-versions-generated.txt", "maven")]
    [InlineData("pypi-versions-generated.txt", "pypi")]
    public void Comparing_valid_real_versions_allocates_nothing_once_warm(string file, string name)
    {
        var scheme = VectorAgreementTests.Scheme(name);
        // Valid only: PyPI's legacy (non-PEP 440) ordering, 69 distinct versions in its generated file, is a slow path
        // that builds strings the way packaging did.
        var vectors = VersionVector.ReadScalibr(VulnData.Path($"vectors/osv-scalibr-semantic/{file}"))
            .Where(v => scheme.IsValid(v.Left, out _) && scheme.IsValid(v.Right, out _))
            .ToList();
        var sink = 0;
        var least = long.MaxValue;
        for (var pass = 0; pass < Passes && least > 0; pass++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var v in vectors)
            {
                sink += scheme.Compare(v.Left, v.Right);
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.True(least == 0, $"{least} bytes allocated for {vectors.Count} comparisons in the best of {Passes} passes (sink {sink})");
    }

    [Fact]
    public void Twenty_thousand_comparisons_fit_in_a_quarter_of_the_matching_budget()
    {
        // Matching 10,000 components in under a second: two real Debian, Maven, RPM or PyPI comparisons per
        // component (a range's bounds) must take at most a quarter of it. Measured as the best of short passes,
        // run alone, so a moment without neighbours on the shared machine is enough (a standalone run here, under
        // load, measured 0.25-1.7 µs per comparison, i.e. 5-35 ms).
        var sets = new (IVersionScheme Scheme, List<VersionVector> Vectors)[]
        {
            (VersionSchemes.Deb, Read("debian-versions-generated.txt")),
            (VersionSchemes.Maven, Read("maven-versions-generated.txt")),
            (VersionSchemes.Rpm, Read("redhat-versions.txt")),
            (VersionSchemes.Pypi, Read("pypi-versions-generated.txt")),
        };
        var sink = 0;
        var best = TimeSpan.MaxValue;
        for (var pass = 0; pass < 40 && best >= TimeSpan.FromMilliseconds(250); pass++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 5_000; i++)
            {
                foreach (var (scheme, vectors) in sets)
                {
                    var v = vectors[i % vectors.Count];
                    sink += scheme.Compare(v.Left, v.Right);
                }
            }

            best = TimeSpan.FromTicks(Math.Min(best.Ticks, watch.Elapsed.Ticks));
        }

        Assert.True(best < TimeSpan.FromMilliseconds(250), $"20,000 comparisons took {best.TotalMilliseconds:F1} ms at best (sink {sink})");
    }

    private static List<VersionVector> Read(string file) =>
        VersionVector.ReadScalibr(VulnData.Path($"vectors/osv-scalibr-semantic/{file}"));
}
