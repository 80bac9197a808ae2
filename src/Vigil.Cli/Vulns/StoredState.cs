using Vigil.Storage.Vulnerabilities;
using Vigil.Vulnerabilities.Deadlines;
using Vigil.Vulnerabilities.Matching;

namespace Vigil.Cli.Vulns;

/// <summary>Maps tracked findings and exemptions to and from the store's rows.</summary>
internal static class StoredState
{
    public static StoredFinding ToStored(TrackedFinding t) => new(
        t.Id, t.Finding.Key, t.Finding.Asset, t.Finding.Advisory, t.FirstSeen, t.LastSeen, t.DueDate, t.OverdueAlertedAt, t.ResolvedAt, VulnJson.Write(t.Finding));

    /// <summary>The tracked finding a row holds, or null when its details cannot be read (counted by the caller).</summary>
    public static TrackedFinding? FromStored(StoredFinding s) =>
        VulnJson.ReadFinding(s.Details) is { } finding
            ? new TrackedFinding(s.Id, finding, s.FirstSeen, s.LastSeen, s.DueDate, s.OverdueAlertedAt, s.ResolvedAt)
            : null;

    public static Exemption FromStored(StoredExemption e) => new(e.Id, e.Asset, e.Advisory, e.Package, e.Owner, e.Reason, e.ExpiresAt, e.CreatedAt);

    public static List<TrackedFinding> FromStored(IEnumerable<StoredFinding> rows)
    {
        var list = new List<TrackedFinding>();
        foreach (var row in rows)
        {
            if (FromStored(row) is { } tracked)
            {
                list.Add(tracked);
            }
        }

        return list;
    }
}
