using System.Collections.Concurrent;

namespace Vigil.Diagnostics;

/// <summary>
/// A problem sink that counts every problem by kind and keeps the first <see cref="MaxKept"/> of them (a file of
/// garbage gives one problem per line; memory must stay bounded).
/// </summary>
public sealed class ProblemLog : IProblemSink
{
    /// <summary>How many problems are kept; the rest are counted only.</summary>
    public const int MaxKept = 10_000;

    private long _total;

    private readonly ConcurrentQueue<InputProblem> _problems = new();
    private readonly ConcurrentDictionary<string, int> _byKind = new(StringComparer.Ordinal);
    private readonly Action<InputProblem>? _onReport;

    /// <summary>Creates a log; <paramref name="onReport"/> sees each problem as it arrives.</summary>
    public ProblemLog(Action<InputProblem>? onReport = null) => _onReport = onReport;

    /// <summary>The first <see cref="MaxKept"/> problems, in the order reported.</summary>
    public IReadOnlyCollection<InputProblem> Problems => _problems;

    /// <summary>How many problems were reported, kept or not.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Counts by <see cref="InputProblem.Kind"/>.</summary>
    public IReadOnlyDictionary<string, int> ByKind => _byKind;

    /// <inheritdoc />
    public void Report(InputProblem problem)
    {
        if (Interlocked.Increment(ref _total) <= MaxKept)
        {
            _problems.Enqueue(problem);
        }

        _byKind.AddOrUpdate(problem.Kind, 1, static (_, n) => n + 1);
        _onReport?.Invoke(problem);
    }
}
