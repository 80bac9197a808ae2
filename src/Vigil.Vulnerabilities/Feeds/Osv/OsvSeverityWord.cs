using System.Text.Json;
using Vigil.Vulnerabilities.Feeds.Formats;

namespace Vigil.Vulnerabilities.Feeds.Osv;

/// <summary>The severity word an OSV record states in its database- or ecosystem-specific fields, or its summary.</summary>
internal static class OsvSeverityWord
{
    private static readonly string[] SummaryWords = ["critical", "important", "moderate", "low"];

    /// <summary>
    /// <c>database_specific.severity</c> of the record (GHSA: <c>HIGH</c>), or of an affected entry, or its
    /// <c>ecosystem_specific.severity</c>, or Debian's <c>ecosystem_specific.urgency</c>; lower-cased, or null.
    /// </summary>
    public static string? Of(JsonElement? record, JsonElement? affected)
    {
        string? word = null;
        if (record is { } r && JsonValues.Get(r, "database_specific") is { } db)
        {
            word = JsonValues.String(db, "severity");
        }

        if (affected is { } a)
        {
            if (JsonValues.Get(a, "database_specific") is { } adb)
            {
                word ??= JsonValues.String(adb, "severity");
            }

            if (JsonValues.Get(a, "ecosystem_specific") is { } eco)
            {
                word ??= JsonValues.String(eco, "severity") ?? JsonValues.String(eco, "urgency");
            }
        }

        return string.IsNullOrWhiteSpace(word) ? null : word.Trim().ToLowerInvariant();
    }

    /// <summary>The Red Hat style prefix of a summary (<c>Important: kernel update</c>) lower-cased, or null.</summary>
    public static string? FromSummary(string? summary)
    {
        var colon = summary?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0)
        {
            return null;
        }

        var prefix = summary![..colon].Trim().ToLowerInvariant();
        return SummaryWords.Contains(prefix) ? prefix : null;
    }
}
