using Vigil.Vulnerabilities.Versions;

namespace Vigil.Vulnerabilities.Tests.Versions;

/// <summary>
/// Every staged ordering vector, one test per file: the failure message lists each disagreement.
/// Each vector is checked both ways round (a vs b and b vs a).
/// </summary>
public sealed class VectorAgreementTests
{
    public static TheoryData<string, string, int> ScalibrFiles => new()
    {
        // file, scheme, expected vector count (guards against a silently truncated file)
        { "debian-versions.txt", "deb", 30 },
        { "debian-versions-generated.txt", "deb", 14442 },
        { "redhat-versions.txt", "rpm", 165 },
        { "semver-versions.txt", "semver", 86 },
        { "nuget-versions.txt", "nuget", 35 },
        { "maven-versions.txt", "maven", 102 },
        { "maven-versions-generated.txt", "maven", 14752 },
        { "pypi-versions.txt", "pypi", 37 },
        { "pypi-versions-generated.txt", "pypi", 12375 },
    };

    [Theory]
    [MemberData(nameof(ScalibrFiles))]
    public void Scheme_agrees_with_every_osv_scalibr_vector_in_the_file(string file, string scheme, int count)
    {
        var vectors = VersionVector.ReadScalibr(VulnData.Path($"vectors/osv-scalibr-semantic/{file}"));

        var failures = VersionVector.Disagreements(Scheme(scheme), vectors.Select(Corrected));

        Assert.Equal(count, vectors.Count);
        Assert.True(failures.Count == 0, Report(file, failures, vectors.Count));
    }

    [Fact]
    public void Debian_scheme_agrees_with_dpkgs_own_test_vectors()
    {
        var vectors = VersionVector.ReadDpkg(VulnData.Path("vectors/dpkg/dpkg-version-compare.txt"));

        var failures = VersionVector.Disagreements(VersionSchemes.Deb, vectors);

        Assert.Equal(43, vectors.Count);
        Assert.True(failures.Count == 0, Report("dpkg-version-compare.txt", failures, vectors.Count));
    }

    /// <summary>
    /// Vectors where the ecosystem's own tool disagrees with the vector file; the test expects the tool's answer.
    /// One, measured here with Maven 3.8.7's ComparableVersion (the Debian maven package, the same 3.8 line that
    /// generated maven-versions-generated.txt): <c>java -cp /usr/share/java/maven3-artifact.jar
    /// org.apache.maven.artifact.versioning.ComparableVersion 1-1 1-ga-1</c> prints <c>1-1 &gt; 1-ga-1</c>
    /// (tokens [1, [1]] against [1, [[1]]]), while the hand-written osv-scalibr line says they are equal.
    /// </summary>
    private static readonly Dictionary<(string File, string Left, string Right), int> ToolAnswers = new()
    {
        [("maven-versions.txt", "1-1", "1-ga-1")] = 1,
    };

    private static VersionVector Corrected(VersionVector vector) =>
        ToolAnswers.TryGetValue((vector.Source, vector.Left, vector.Right), out var answer)
            ? vector with { Expected = answer }
            : vector;

    [Fact]
    public void Every_tool_answer_override_names_a_vector_that_exists()
    {
        foreach (var (file, left, right) in ToolAnswers.Keys)
        {
            var vectors = VersionVector.ReadScalibr(VulnData.Path($"vectors/osv-scalibr-semantic/{file}"));
            Assert.Contains(vectors, v => v.Left == left && v.Right == right);
        }
    }

    internal static IVersionScheme Scheme(string name) => name switch
    {
        "deb" => VersionSchemes.Deb,
        "rpm" => VersionSchemes.Rpm,
        "semver" => VersionSchemes.SemVer,
        "nuget" => VersionSchemes.NuGet,
        "maven" => VersionSchemes.Maven,
        "pypi" => VersionSchemes.Pypi,
        _ => VersionSchemes.Build,
    };

    internal static string Report(string file, List<string> failures, int total) =>
        $"{failures.Count} of {total} vectors in {file} disagree:\n" + string.Join('\n', failures.Take(60))
        + (failures.Count > 60 ? $"\n... and {failures.Count - 60} more" : string.Empty);
}
