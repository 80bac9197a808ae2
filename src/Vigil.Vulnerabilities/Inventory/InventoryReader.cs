using System.Text.Json;
using Vigil.Vulnerabilities.Feeds.Formats;
using Vigil.Vulnerabilities.Inventory.Formats;

namespace Vigil.Vulnerabilities.Inventory;

/// <summary>
/// Reads what software runs where: CycloneDX 1.2-1.6 (JSON and XML), SPDX 2.x JSON, a Debian dpkg status file,
/// <c>rpm -qa</c> output, osquery JSON results (deb_packages, rpm_packages, programs, patches) and Vigil's inventory
/// CSV. The format is told by content, not by file name.
/// </summary>
/// <remarks>
/// Untrusted input never throws: an item that cannot be read or matched (a malformed file, a component without a
/// usable purl or CPE, an unknown ecosystem, a line that is not a package) is reported as an
/// <see cref="InventoryProblem"/> with its file and item, never its content, and skipped; the rest is kept. A component
/// repeated on the same asset is reported once and kept once. Thread-safe: no shared state. Only cancellation throws.
/// </remarks>
public static class InventoryReader
{
    private static readonly HashSet<string> OsqueryNames = new(StringComparer.Ordinal) { "columns", "snapshot", "diffResults", "hostIdentifier" };

    /// <summary>Reads every file named, and every file under every folder named (recursively, in ordinal order).</summary>
    /// <param name="paths">Files or folders.</param>
    /// <param name="cancellationToken">Stops the read between items.</param>
    public static InventoryReadResult Read(IEnumerable<string> paths, CancellationToken cancellationToken = default) =>
        Read(paths, new InventoryOptions(), cancellationToken);

    /// <summary>Reads as <see cref="Read(IEnumerable{string}, CancellationToken)"/>, with the asset and distribution given.</summary>
    /// <param name="paths">Files or folders.</param>
    /// <param name="options">The asset name and distribution release where the files do not say them.</param>
    /// <param name="cancellationToken">Stops the read between items.</param>
    public static InventoryReadResult Read(IEnumerable<string> paths, InventoryOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var sink = new InventorySink(options);
        foreach (var file in FileWalk.Expand(paths, sink.Problem))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Path.GetFileName(file) == "os-release")
            {
                // Read beside a package list to name its distribution (see InventoryOptions), not an inventory itself.
                continue;
            }

            try
            {
                ReadFile(file, sink, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                sink.Problem(file, "file", $"cannot be read ({ex.GetType().Name})");
            }
        }

        return sink.ToResult();
    }

    private static void ReadFile(string file, InventorySink sink, CancellationToken cancellationToken)
    {
        var first = FileWalk.FirstSignificant(FileWalk.Head(file));
        switch (first)
        {
            case '<':
                CycloneDxXml.Read(file, sink, cancellationToken);
                return;
            case '[':
                OsqueryResults.Read(file, array: true, sink, cancellationToken);
                return;
            case '{':
                ReadJsonObject(file, sink, cancellationToken);
                return;
            case '\0':
                sink.Problem(file, "file", "empty");
                return;
            default:
                ReadText(file, sink, cancellationToken);
                return;
        }
    }

    private static void ReadJsonObject(string file, InventorySink sink, CancellationToken cancellationToken)
    {
        HashSet<string> names;
        using (var sniff = File.OpenRead(file))
        {
            names = JsonSniffer.TopLevel(sniff).Names;
        }

        if (!names.Contains("bomFormat") && !names.Contains("spdxVersion"))
        {
            if (names.Overlaps(OsqueryNames))
            {
                OsqueryResults.Read(file, array: false, sink, cancellationToken);
            }
            else
            {
                sink.Problem(file, "file", "a JSON object that is neither CycloneDX, SPDX nor an osquery result");
            }

            return;
        }

        try
        {
            using var stream = File.OpenRead(file);
            using var document = JsonDocument.Parse(stream);
            if (names.Contains("bomFormat"))
            {
                CycloneDxJson.Read(file, document.RootElement, sink, cancellationToken);
            }
            else
            {
                SpdxJson.Read(file, document.RootElement, sink, cancellationToken);
            }
        }
        catch (JsonException ex)
        {
            sink.Problem(file, "document", $"malformed JSON at line {(ex.LineNumber ?? 0) + 1}");
        }
    }

    private static void ReadText(string file, InventorySink sink, CancellationToken cancellationToken)
    {
        var lines = File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l) && !l.TrimStart().StartsWith('#')).Take(5).ToList();
        if (lines.Count > 0 && VigilCsv.IsHeader(lines[0]))
        {
            VigilCsv.Read(file, sink, cancellationToken);
        }
        else if (lines.Count > 0 && IsDpkgField(lines[0]) && lines.Any(l => l.StartsWith("Package:", StringComparison.Ordinal)))
        {
            DpkgStatus.Read(file, sink, cancellationToken);
        }
        else if (lines.Count > 0 && lines.Count(RpmList.IsPackageLine) * 2 > lines.Count)
        {
            RpmList.Read(file, sink, cancellationToken);
        }
        else
        {
            sink.Problem(file, "file", "not an inventory format Vigil reads (CycloneDX, SPDX, dpkg status, rpm -qa, osquery, Vigil CSV)");
        }
    }

    private static bool IsDpkgField(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && line[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }
}
