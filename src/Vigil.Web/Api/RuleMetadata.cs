using System.Text.Json;

namespace Vigil.Web.Api;

/// <summary>What an alert's stored details say about its rule: description, author, tags and the ATT&amp;CK ids in them.</summary>
/// <param name="Description">The rule's description.</param>
/// <param name="Author">The rule's author.</param>
/// <param name="SourceType">The kind of log of the first detection.</param>
/// <param name="Tags">The rule's tags as written.</param>
/// <param name="Techniques">ATT&amp;CK technique ids from tags such as <c>attack.t1110.003</c>, upper-case (<c>T1110.003</c>).</param>
/// <param name="Tactics">ATT&amp;CK tactics from tags such as <c>attack.credential_access</c>, in words.</param>
public sealed record RuleMetadata(string Description, string Author, string SourceType, IReadOnlyList<string> Tags, IReadOnlyList<string> Techniques, IReadOnlyList<string> Tactics)
{
    /// <summary>Reads the details JSON an alert carries; anything unreadable gives empty values (never an exception).</summary>
    public static RuleMetadata Parse(string? details)
    {
        string description = "", author = "", sourceType = "";
        var tags = new List<string>();
        try
        {
            using var json = JsonDocument.Parse(string.IsNullOrEmpty(details) ? "{}" : details);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                description = Text(json.RootElement, "description");
                author = Text(json.RootElement, "author");
                sourceType = Text(json.RootElement, "source_type");
                if (json.RootElement.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    tags.AddRange(list.EnumerateArray().Where(static t => t.ValueKind == JsonValueKind.String).Select(static t => t.GetString()!));
                }
            }
        }
        catch (JsonException)
        {
        }

        var techniques = tags
            .Where(static t => t.StartsWith("attack.t", StringComparison.OrdinalIgnoreCase) && t.Length > 9 && char.IsAsciiDigit(t[8]))
            .Select(static t => t[7..].ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var tactics = tags
            .Where(static t => t.StartsWith("attack.", StringComparison.OrdinalIgnoreCase) && !(t.Length > 8 && (t[7] is 't' or 'T' or 'g' or 'G' or 's' or 'S') && char.IsAsciiDigit(t[8])))
            .Select(static t => string.Join(' ', t[7..].Split('_', '-').Select(static w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new RuleMetadata(description, author, sourceType, tags, techniques, tactics);
    }

    private static string Text(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
