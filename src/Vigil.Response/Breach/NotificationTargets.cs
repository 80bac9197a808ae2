using Vigil.Response.Deadlines;

namespace Vigil.Response.Breach;

/// <summary>Whom a notification can be recorded for: a deadline of a known jurisdiction, or its individuals (GDPR-style laws set no clock for them).</summary>
public static class NotificationTargets
{
    /// <summary>The deadline id used for telling the people themselves.</summary>
    public const string Individuals = "individuals";

    /// <summary>Whether <paramref name="deadline"/> can be recorded for <paramref name="jurisdiction"/>; the reason when not.</summary>
    public static bool IsKnown(string? jurisdiction, string? deadline, out string? reason)
    {
        reason = null;
        if (Jurisdictions.Find(jurisdiction ?? "") is not { } profile)
        {
            reason = $"jurisdiction: use one of {string.Join(", ", Jurisdictions.All.Select(static p => p.Id))}";
            return false;
        }

        if (deadline == Individuals || profile.Deadlines.Any(d => d.Id == deadline))
        {
            return true;
        }

        reason = $"deadline: for {profile.Id} use one of {string.Join(", ", profile.Deadlines.Select(static d => d.Id).Append(Individuals).Distinct())}";
        return false;
    }
}
