using Vigil.Discovery.Extraction;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Scanning;

namespace Vigil.Discovery.Reports;

/// <summary>Totals of a scan, kept as it runs, in bounded memory: counts, the riskiest items, the problems.</summary>
public sealed class ScanSummary(int riskiestKept = 50, int problemsKept = 1_000)
{
    private readonly PriorityQueue<ItemRisk, (int Score, long Order)> _riskiest = new();
    private readonly List<ScanProblem> _problems = [];
    private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _problemsByReason = new(StringComparer.Ordinal);
    private long _order;

    /// <summary>Items (messages and documents) scanned.</summary>
    public long Items { get; private set; }

    /// <summary>Items with at least one finding.</summary>
    public long ItemsWithFindings { get; private set; }

    /// <summary>Characters of text scanned.</summary>
    public long Characters { get; private set; }

    /// <summary>Problems reported by the reader (all of them, though only the first ones are kept).</summary>
    public long ProblemCount { get; private set; }

    /// <summary>Findings per type.</summary>
    public IReadOnlyDictionary<string, long> ByType => _byType;

    /// <summary>Findings per category.</summary>
    public IReadOnlyDictionary<PhiCategory, long> ByCategory => Enum.GetValues<PhiCategory>()
        .ToDictionary(c => c, c => _byType.Where(t => PhiTypes.CategoryOf(t.Key) == c).Sum(static t => t.Value));

    /// <summary>The first problems, in the order they were reported.</summary>
    public IReadOnlyList<ScanProblem> Problems => _problems;

    /// <summary>Problems per reason.</summary>
    public IReadOnlyDictionary<string, long> ProblemsByReason => _problemsByReason;

    /// <summary>The items with the highest risk scores, highest first (ties in scan order).</summary>
    public IReadOnlyList<ItemRisk> Riskiest => [.. _riskiest.UnorderedItems
        .OrderByDescending(static e => e.Priority.Score).ThenByDescending(static e => e.Priority.Order).Select(static e => e.Element)];

    /// <summary>Counts one scanned item.</summary>
    public void Add(ItemFindings item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Items++;
        Characters += item.Characters;
        if (item.Findings.Count == 0)
        {
            return;
        }

        ItemsWithFindings++;
        foreach (var f in item.Findings)
        {
            _byType[f.Type] = _byType.GetValueOrDefault(f.Type) + 1;
        }

        var risk = ItemRisk.Of(item);
        var order = -_order++;
        if (_riskiest.Count < riskiestKept)
        {
            _riskiest.Enqueue(risk, (risk.Score, order));
        }
        else if (riskiestKept > 0 && _riskiest.TryPeek(out _, out var lowest) && risk.Score > lowest.Score)
        {
            _riskiest.DequeueEnqueue(risk, (risk.Score, order));
        }
    }

    /// <summary>Counts one problem; keeps it if fewer than the limit are kept.</summary>
    public void AddProblem(ScanProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ProblemCount++;
        _problemsByReason[problem.Reason] = _problemsByReason.GetValueOrDefault(problem.Reason) + 1;
        if (_problems.Count < problemsKept)
        {
            _problems.Add(problem);
        }
    }
}
