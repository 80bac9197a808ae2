using System.IO.Compression;
using System.Text.Json;
using Vigil.Vulnerabilities.Feeds.Formats;
using Vigil.Vulnerabilities.Feeds.Osv;

namespace Vigil.Vulnerabilities.Feeds;

/// <summary>
/// Reads vulnerability feeds from files and folders: OSV (osv.dev's per-ecosystem <c>all.zip</c>, folders of OSV JSON,
/// single records), CISA KEV (JSON or CSV), NVD CVE API 2.0 JSON (responses or single records) and EPSS CSV (the
/// daily file, gzipped or not, or a per-CVE time series). The format is told by content, not by file name.
/// </summary>
/// <remarks>
/// Untrusted input never throws: a malformed item (zip entry, array element, CSV line) is reported as a
/// <see cref="FeedProblem"/> naming the file and the item, skipped, and everything else is kept. Large files are
/// streamed (memory grows with what is returned, not with file size). Thread-safe: no shared state. Only
/// cancellation throws.
/// </remarks>
public static class FeedReader
{
    /// <summary>Reads every file named, and every file under every folder named (recursively, in ordinal order).</summary>
    /// <param name="paths">Files or folders.</param>
    /// <param name="cancellationToken">Stops the read between items.</param>
    public static FeedReadResult Read(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sink = new FeedSink();
        foreach (var file in FileWalk.Expand(paths, sink.Problem))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                ReadFile(file, sink, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                sink.Problem(file, "file", $"cannot be read ({ex.GetType().Name})");
            }
        }

        return sink.ToResult();
    }

    private static void ReadFile(string file, FeedSink sink, CancellationToken cancellationToken)
    {
        var head = FileWalk.Head(file);
        if (head is [0x50, 0x4B, ..])
        {
            OsvZipReader.Read(file, sink, cancellationToken);
            return;
        }

        if (head is [0x1F, 0x8B, ..])
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            EpssReader.Read(file, new StreamReader(gzip), sink, cancellationToken);
            return;
        }

        var first = FileWalk.FirstSignificant(head);
        if (first is '{' or '[')
        {
            ReadJson(file, sink, cancellationToken);
            return;
        }

        using var text = new StreamReader(file);
        var line = text.ReadLine() ?? string.Empty;
        text.DiscardBufferedData();
        text.BaseStream.Position = 0;
        if (line.StartsWith("cveID,", StringComparison.Ordinal))
        {
            KevReader.ReadCsv(file, text, sink, cancellationToken);
        }
        else if (line.StartsWith("#model_version", StringComparison.Ordinal) || line.StartsWith("cve,epss", StringComparison.Ordinal)
            || line.StartsWith("date,model,epss", StringComparison.Ordinal))
        {
            EpssReader.Read(file, text, sink, cancellationToken);
        }
        else
        {
            sink.Problem(file, "file", "not a feed format Vigil reads (OSV, KEV, NVD, EPSS)");
        }
    }

    private static void ReadJson(string file, FeedSink sink, CancellationToken cancellationToken)
    {
        JsonTokenType root;
        HashSet<string> names;
        using (var sniff = File.OpenRead(file))
        {
            (root, names) = JsonSniffer.TopLevel(sniff);
        }

        if (root != JsonTokenType.StartObject)
        {
            sink.Problem(file, "file", "not a feed format Vigil reads (the top level is not a JSON object)");
        }
        else if (names.Contains("catalogVersion") || names.Contains("dateReleased"))
        {
            KevReader.ReadJson(file, sink, cancellationToken);
        }
        else if (names.Contains("vulnerabilities") || names.Contains("resultsPerPage") || names.Contains("totalResults"))
        {
            NvdReader.ReadResponse(file, "vulnerabilities", sink, cancellationToken);
        }
        else if (names.Contains("cve_items"))
        {
            NvdReader.ReadResponse(file, "cve_items", sink, cancellationToken);
        }
        else if (names.Contains("cve") || names.Contains("sourceIdentifier") || names.Contains("vulnStatus"))
        {
            NvdReader.ReadSingle(file, sink);
        }
        else if (names.Contains("id") || names.Contains("affected") || names.Contains("modified"))
        {
            OsvFileReader.Read(file, sink);
        }
        else
        {
            sink.Problem(file, "file", "not a feed format Vigil reads (OSV, KEV, NVD, EPSS)");
        }
    }
}
