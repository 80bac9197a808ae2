using System.Globalization;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Scanning;

namespace Vigil.Discovery.Subjects;

/// <summary>Turns linked records into subjects: categories, counts, distinct values and items.</summary>
internal static class SubjectAssembler
{
    public static IReadOnlyList<DataSubject> Assemble(List<SubjectRecord> records, DisjointSets sets, List<string> itemOrder, bool reveal)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < itemOrder.Count; i++)
        {
            order.TryAdd(itemOrder[i], i);
        }

        var groups = new SortedDictionary<int, List<SubjectRecord>>();
        for (var i = 0; i < records.Count; i++)
        {
            var root = sets.Find(i);
            if (!groups.TryGetValue(root, out var list))
            {
                groups[root] = list = [];
            }

            list.Add(records[i]);
        }

        var subjects = new List<DataSubject>(groups.Count);
        foreach (var (root, group) in groups)
        {
            var findings = group.SelectMany(static r => r.Findings).ToList();
            var id = "S" + (subjects.Count + 1).ToString("D5", CultureInfo.InvariantCulture);
            subjects.Add(new DataSubject(
                id,
                group.Exists(static r => r.Correspondent),
                Name(findings, reveal),
                [.. sets.Reasons(root).Order(StringComparer.Ordinal)],
                [.. findings.Select(static f => f.Category).Distinct().Order()],
                findings.GroupBy(static f => f.Type).OrderBy(static g => g.Key, StringComparer.Ordinal).ToDictionary(static g => g.Key, static g => g.Count()),
                Values(findings, reveal),
                [.. group.Select(static r => r.ItemId).Distinct().OrderBy(i => order.GetValueOrDefault(i, int.MaxValue))]));
        }

        return subjects;
    }

    private static string? Name(List<Finding> findings, bool reveal)
    {
        var best = findings.Where(static f => f.Type == PhiTypes.Person)
            .GroupBy(static f => SubjectKeys.Name(f.Value) ?? "")
            .OrderByDescending(static g => g.Count()).ThenBy(static g => g.Key, StringComparer.Ordinal)
            .Select(static g => g.First()).FirstOrDefault();
        return best is null ? null : reveal ? best.Value : best.Masked;
    }

    private static List<SubjectValue> Values(List<Finding> findings, bool reveal) =>
        [.. findings.GroupBy(static f => (f.Type, Key: SubjectKeys.Normalise(f.Type, f.Value)))
            .OrderBy(static g => g.Key.Type, StringComparer.Ordinal).ThenBy(static g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => new SubjectValue(g.Key.Type, g.First().Masked, reveal ? g.First().Value : null))];
}
