using Vigil.Vulnerabilities.Versions;

namespace Vigil.Vulnerabilities.Tests.Versions;

/// <summary>One expected ordering: <see cref="Left"/> orders before (-1), equal to (0) or after (1) <see cref="Right"/>.</summary>
internal sealed record VersionVector(string Source, int Line, string Left, string Right, int Expected)
{
    /// <summary>Reads an osv-scalibr <c>A op B</c> file: blank lines and <c>#</c>/<c>//</c> comments skipped.</summary>
    public static List<VersionVector> ReadScalibr(string path)
    {
        var vectors = new List<VersionVector>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Split(' ');
            Assert.True(parts.Length == 3, $"{System.IO.Path.GetFileName(path)}:{i + 1} is not 'A op B'");
            var expected = parts[1] switch
            {
                "<" => -1,
                "=" => 0,
                ">" => 1,
                _ => throw new InvalidDataException($"{System.IO.Path.GetFileName(path)}:{i + 1}: unknown operator"),
            };
            vectors.Add(new VersionVector(System.IO.Path.GetFileName(path), i + 1, parts[0], parts[2], expected));
        }

        return vectors;
    }

    /// <summary>Reads dpkg's own <c>A B expected</c> triples.</summary>
    public static List<VersionVector> ReadDpkg(string path)
    {
        var vectors = new List<VersionVector>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3)
            {
                vectors.Add(new VersionVector("dpkg-version-compare.txt", i + 1, parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return vectors;
    }

    /// <summary>
    /// Checks every vector both ways round (Compare(a, b) and Compare(b, a)) and returns the disagreements, one per line.
    /// </summary>
    public static List<string> Disagreements(IVersionScheme scheme, IEnumerable<VersionVector> vectors)
    {
        var failures = new List<string>();
        foreach (var v in vectors)
        {
            var forward = Math.Sign(scheme.Compare(v.Left, v.Right));
            var backward = Math.Sign(scheme.Compare(v.Right, v.Left));
            if (forward != v.Expected || backward != -v.Expected)
            {
                failures.Add($"{v.Source}:{v.Line}: {v.Left} vs {v.Right}: expected {v.Expected}, got {forward} (reverse {backward})");
            }
        }

        return failures;
    }
}
