using System.IO.Compression;
using System.Text.Json;

namespace Vigil.Vulnerabilities.Feeds.Osv;

/// <summary>Reads a zip of OSV records, as osv.dev publishes each ecosystem (<c>all.zip</c>, one JSON file per record).</summary>
/// <remarks>One entry in memory at a time. A corrupt or malformed entry is reported by its name and the rest are read.</remarks>
internal static class OsvZipReader
{
    public static void Read(string file, FeedSink sink, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(File.OpenRead(file), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                using var stream = entry.Open();
                using var document = JsonDocument.Parse(stream);
                Add(file, entry.FullName, document.RootElement, sink);
            }
            catch (JsonException ex)
            {
                sink.Problem(file, entry.FullName, $"malformed JSON at line {(ex.LineNumber ?? 0) + 1}");
            }
            catch (InvalidDataException)
            {
                sink.Problem(file, entry.FullName, "corrupt zip entry");
            }
        }
    }

    /// <summary>Adds one parsed record, or reports why it was refused.</summary>
    public static void Add(string file, string item, JsonElement root, FeedSink sink)
    {
        var advisory = OsvRecordParser.Parse(root, sink.Strings, out var reason);
        if (advisory is null)
        {
            sink.Problem(file, item, reason!);
        }
        else
        {
            sink.Advisories.Add(advisory);
        }
    }
}
