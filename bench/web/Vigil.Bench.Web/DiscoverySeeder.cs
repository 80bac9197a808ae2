using System.Globalization;
using Vigil.Storage;
using Vigil.Storage.Discovery;

namespace Vigil.Bench.Web;

/// <summary>One completed PHI scan with items, masked findings and data subjects (what a scan of a mailbox export stores).</summary>
internal static class DiscoverySeeder
{
    private static readonly (string Type, string Category)[] Types =
    [
        ("PERSON", "identity"), ("UK_NHS", "identity"), ("DATE_OF_BIRTH", "identity"), ("EMAIL_ADDRESS", "contact"),
        ("PHONE_NUMBER", "contact"), ("UK_POSTCODE", "contact"), ("DIAGNOSIS", "health"), ("MEDICATION", "health"),
    ];

    /// <summary>Seeds a few earlier scans and one completed scan; returns the completed scan's id.</summary>
    public static async Task<long> SeedAsync(IVigilStore store, DateTimeOffset now, int items, int subjects)
    {
        for (var s = 0; s < 20; s++)
        {
            var old = await store.PhiScans.StartAsync("/srv/exports/old-" + s.ToString(CultureInfo.InvariantCulture), "user:dpo", now.AddDays(-30 + s), CancellationToken.None);
            await store.PhiScans.CompleteAsync(old, new PhiScanResult(PhiScanStatus.Completed, now.AddDays(-30 + s).AddMinutes(3), 100, 0, new Dictionary<string, long>(), [], []), CancellationToken.None);
        }

        var id = await store.PhiScans.StartAsync("/srv/exports/practice-mailbox.mbox", "user:dpo", now.AddHours(-2), CancellationToken.None);
        var random = new Random(11);
        var rows = new List<PhiItemResult>(items);
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var seq = 1; seq <= items; seq++)
        {
            var findings = new List<PhiFindingRecord>();
            var count = 1 + random.Next(8);
            for (var f = 0; f < count; f++)
            {
                var (type, category) = Types[random.Next(Types.Length)];
                byType[type] = byType.GetValueOrDefault(type) + 1;
                findings.Add(new PhiFindingRecord(type, category, f == 0 ? "headers:From" : "body", "J*** S****", 40 * f, 10, 0.85));
            }

            var identity = findings.Count(static f => f.Category == "identity");
            var contact = findings.Count(static f => f.Category == "contact");
            var health = findings.Count(static f => f.Category == "health");
            var item = new PhiItemRecord(id, seq, string.Create(CultureInfo.InvariantCulture, $"msg:{seq}:{seq * 7919 % 100003:x8}"), "/srv/exports/practice-mailbox.mbox", "message",
                (identity * 2) + contact + (health * 5), identity, contact, health, [.. findings.Select(static f => f.Type).Distinct()]);
            rows.Add(new PhiItemResult(item, findings));
        }

        var people = new List<PhiSubjectRecord>(subjects);
        for (var s = 1; s <= subjects; s++)
        {
            var seqs = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => (long)random.Next(1, items + 1)).Distinct().Order().ToList();
            people.Add(new PhiSubjectRecord(s, string.Create(CultureInfo.InvariantCulture, $"S{s:00000}"), s % 10 == 0, "J. S.", ["identity", "health"],
                new Dictionary<string, long> { ["PERSON"] = seqs.Count, ["UK_NHS"] = 1 }, [new("UK_NHS", "*** *** 1234"), new("DATE_OF_BIRTH", "**/**/19**")], seqs));
        }

        await store.PhiScans.CompleteAsync(id, new PhiScanResult(PhiScanStatus.Completed, now.AddHours(-1), items * 2L, 3, byType, rows, people), CancellationToken.None);
        return id;
    }
}
