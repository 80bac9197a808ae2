using System.Text.Json;

namespace Vigil.Vulnerabilities.Feeds.Osv;

/// <summary>Reads one OSV record from a JSON file.</summary>
internal static class OsvFileReader
{
    public static void Read(string file, FeedSink sink)
    {
        try
        {
            using var stream = File.OpenRead(file);
            using var document = JsonDocument.Parse(stream);
            OsvZipReader.Add(file, "record", document.RootElement, sink);
        }
        catch (JsonException ex)
        {
            sink.Problem(file, "record", $"malformed JSON at line {(ex.LineNumber ?? 0) + 1}");
        }
    }
}
