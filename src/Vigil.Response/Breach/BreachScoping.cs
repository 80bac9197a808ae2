using Vigil.Discovery.Recognition;
using Vigil.Discovery.Subjects;

namespace Vigil.Response.Breach;

/// <summary>
/// Turns scan-phi subjects into the breach's scope and its letter recipients. Correspondents (the From, To and Cc
/// addresses: staff, the practice, its partners) are excluded: they are the mailbox's users, not the people whose
/// data leaked through it. A subject with health facts but no identity or contact data cannot be written to and is
/// counted apart.
/// </summary>
public static class BreachScoping
{
    /// <summary>True for a subject who is affected: not a correspondent, with identity or contact data.</summary>
    public static bool IsAffected(DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return !subject.Correspondent && (subject.Categories.Contains(PhiCategory.Identity) || subject.Categories.Contains(PhiCategory.Contact));
    }

    /// <summary>Counts people and records by category.</summary>
    public static BreachScope Scope(IReadOnlyList<DataSubject> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var affected = subjects.Where(IsAffected).ToList();
        var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var type in affected.SelectMany(static s => s.Types.Keys))
        {
            byType[type] = byType.GetValueOrDefault(type) + 1;
        }

        return new BreachScope(
            affected.Count,
            affected.SelectMany(static s => s.Items).Distinct(StringComparer.Ordinal).Count(),
            affected.Count(static s => s.Categories.Contains(PhiCategory.Identity)),
            affected.Count(static s => s.Categories.Contains(PhiCategory.Contact)),
            affected.Count(static s => s.Categories.Contains(PhiCategory.Health)),
            subjects.Count(static s => s.Correspondent),
            subjects.Count(static s => !s.Correspondent && !IsAffected(s) && s.Categories.Contains(PhiCategory.Health)),
            byType);
    }

    /// <summary>
    /// The people to write to, one per affected subject, with their contact details; needs subjects built with values
    /// revealed (<see cref="SubjectLinker.Build"/> with reveal), otherwise names and addresses are null.
    /// </summary>
    public static IReadOnlyList<AffectedPerson> People(IReadOnlyList<DataSubject> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        return subjects.Where(IsAffected).Select(static s => new AffectedPerson(
            s.Id,
            s.Identifiers.Any(static v => v.Value is not null) ? s.Name : null,
            First(s, PhiTypes.Email),
            First(s, PhiTypes.UkPhone),
            First(s, PhiTypes.Address) ?? First(s, PhiTypes.UkPostcode),
            s.Categories,
            s.Types.Keys.Order(StringComparer.Ordinal).ToList())).ToList();
    }

    private static string? First(DataSubject s, string type) => s.Identifiers.FirstOrDefault(v => v.Type == type)?.Value;
}
