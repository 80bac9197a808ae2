using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Vulnerabilities.Feeds.Formats;

namespace Vigil.Vulnerabilities.Feeds;

/// <summary>
/// Reads NVD CVE API 2.0 JSON: a response (<c>{"vulnerabilities":[{"cve":…}]}</c>, streamed), a yearly file of the
/// fkie-cad mirror (<c>{"cve_items":[…]}</c>, streamed), or one record (the <c>cve</c> object, or <c>{"cve":…}</c>).
/// </summary>
internal static partial class NvdReader
{
    /// <summary>Streams the records of an API response (<c>vulnerabilities</c>) or of a yearly mirror file (<c>cve_items</c>).</summary>
    public static void ReadResponse(string file, string arrayName, FeedSink sink, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(file);
        var error = JsonArrayStreamer.ForEach(
            stream,
            arrayName,
            (item, index) => Add(file, $"{arrayName}[{index}]", JsonValues.Get(item, "cve") ?? item, sink),
            cancellationToken);
        if (error is not null)
        {
            sink.Problem(file, arrayName, error);
        }
    }

    public static void ReadSingle(string file, FeedSink sink)
    {
        try
        {
            using var stream = File.OpenRead(file);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            Add(file, "record", JsonValues.Get(root, "cve") ?? root, sink);
        }
        catch (JsonException ex)
        {
            sink.Problem(file, "record", $"malformed JSON at line {(ex.LineNumber ?? 0) + 1}");
        }
    }

    private static void Add(string file, string item, JsonElement cve, FeedSink sink)
    {
        var id = JsonValues.String(cve, "id");
        if (id is null || !CveId().IsMatch(id))
        {
            sink.Problem(file, item, "no CVE id");
            return;
        }

        var configurations = new List<CpeConfiguration>();
        var index = 0;
        foreach (var configuration in JsonValues.Items(cve, "configurations"))
        {
            var parsed = NvdConfigurationParser.Parse(configuration, out var reason);
            if (parsed is null)
            {
                sink.Problem(file, $"{item} ({id})", $"configurations[{index}] {reason}");
                return;
            }

            configurations.Add(parsed);
            index++;
        }

        var description = JsonValues.Items(cve, "descriptions")
            .Where(d => JsonValues.String(d, "lang") == "en")
            .Select(d => JsonValues.String(d, "value"))
            .FirstOrDefault();
        var (score, severity) = NvdScore.Best(cve);
        sink.Nvd.Add(new NvdRecord(id, description, score, severity, JsonValues.Timestamp(cve, "published"), configurations));
    }

    [GeneratedRegex("^CVE-[0-9]{4}-[0-9]{4,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex CveId();
}
