using System.Text.Json;
using Vigil.Response.Breach;

namespace Vigil.Storage.Breach;

/// <summary>What <see cref="BreachFactsInput.Check"/> holds the facts to; messages name the field as the form labels it and say why.</summary>
internal static class BreachFactsRules
{
    public const int TextLimit = 4000;
    public const int LineLimit = 200;
    public const int ItemLimit = 1000;
    public const int MaxItems = 50;

    private static readonly string[] NatureNames = ["confidentiality", "integrity", "availability"];

    public static IReadOnlyDictionary<string, string> Check(BreachFactsInput f, DateTimeOffset now, DateTimeOffset? awareAt)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var latest = now.AddMinutes(5);
        if (f.Nature is not null && Natures(f.Nature) is null)
        {
            errors["nature"] = "Nature of the breach: choose one or more of confidentiality, integrity and availability.";
        }

        Text(errors, "description", "What happened", f.Description, TextLimit, required: true);
        Text(errors, "discoveredHow", "How it was discovered", f.DiscoveredHow, TextLimit, required: true);
        Text(errors, "organisation", "Organisation", f.Organisation, LineLimit, required: true);
        Text(errors, "contactPoint", "Contact point", f.ContactPoint, ItemLimit, required: true);
        Text(errors, "delayReason", "Reason for any delay", f.DelayReason, TextLimit, required: false);
        Text(errors, "caseReference", "The regulator's case reference", f.CaseReference, LineLimit, required: false);
        Text(errors, "individualsNotified", "How the people were told", f.IndividualsNotified, TextLimit, required: false);
        Text(errors, "staffInvolved", "Staff involved", f.StaffInvolved, TextLimit, required: false);
        Text(errors, "lessonsLearned", "Lessons learned", f.LessonsLearned, TextLimit, required: false);
        List(errors, "measuresTaken", "Measures taken", f.MeasuresTaken);
        List(errors, "measuresProposed", "Measures proposed", f.MeasuresProposed);
        List(errors, "otherBodiesTold", "Other bodies told", f.OtherBodiesTold);

        if (f.OccurredAt > latest)
        {
            errors["occurredAt"] = "When the breach happened: cannot be in the future.";
        }
        else if (f.OccurredAt > awareAt)
        {
            errors["occurredAt"] = "When the breach happened: cannot be after the practice became aware of it (the incident's awareness time).";
        }

        if (f.ContainedAt > latest)
        {
            errors["containedAt"] = "When it was contained: cannot be in the future.";
        }
        else if (f.ContainedAt < f.OccurredAt)
        {
            errors["containedAt"] = "When it was contained: cannot be before the breach happened.";
        }

        if (f.RegulatorNotifiedAt > latest)
        {
            errors["regulatorNotifiedAt"] = "When the regulator was told: cannot be in the future.";
        }

        return errors;
    }

    /// <summary>The nature in a standard form ("confidentiality, availability"), or null when it names nothing known or something unknown.</summary>
    public static string? Natures(string given)
    {
        var parts = given.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(static p => p.ToLowerInvariant()).ToList();
        return parts.Count == 0 || parts.Any(p => !NatureNames.Contains(p)) ? null : string.Join(", ", NatureNames.Where(parts.Contains));
    }

    /// <summary>The camelCase names of the facts that differ (every one when there were none before).</summary>
    public static IReadOnlyList<string> Changed(BreachFacts? before, BreachFacts after)
        => [.. typeof(BreachFacts).GetProperties()
            .Where(p => before is null || !Same(p.GetValue(before), p.GetValue(after)))
            .Select(static p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))];

    public static IReadOnlyList<string> Items(List<string>? items)
        => items is null ? [] : [.. items.Where(static i => !string.IsNullOrWhiteSpace(i)).Select(static i => i.Trim())];

    public static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool Same(object? a, object? b)
        => a is IEnumerable<string> x && b is IEnumerable<string> y ? x.SequenceEqual(y, StringComparer.Ordinal) : Equals(a, b);

    private static void Text(Dictionary<string, string> errors, string field, string label, string? value, int limit, bool required)
    {
        if (value is null)
        {
            return;
        }

        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors[field] = $"{label}: needed.";
        }
        else if (value.Trim().Length > limit)
        {
            errors[field] = $"{label}: at most {limit} characters.";
        }
    }

    private static void List(Dictionary<string, string> errors, string field, string label, List<string>? items)
    {
        var kept = Items(items);
        if (kept.Count > MaxItems)
        {
            errors[field] = $"{label}: at most {MaxItems} items.";
        }
        else if (kept.Any(static i => i.Length > ItemLimit))
        {
            errors[field] = $"{label}: each item at most {ItemLimit} characters.";
        }
    }
}
