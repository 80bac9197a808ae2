using System.Collections.Concurrent;

namespace Vigil.Diagnostics;

/// <summary>A problem sink that keeps every problem and counts them by kind.</summary>
public sealed class ProblemLog : IProblemSink
{
    private readonly ConcurrentQueue<InputProblem> _problems = new();
    private readonly ConcurrentDictionary<string, int> _byKind = new(StringComparer.Ordinal);
    private readonly Action<InputProblem>? _onReport;

    /// <summary>Creates a log; <paramref name="onReport"/> sees each problem as it arrives.</summary>
    public ProblemLog(Action<InputProblem>? onReport = null) => _onReport = onReport;

    /// <summary>Every problem, in the order reported.</summary>
    public IReadOnlyCollection<InputProblem> Problems => _problems;

    /// <summary>Counts by <see cref="InputProblem.Kind"/>.</summary>
    public IReadOnlyDictionary<string, int> ByKind => _byKind;

    /// <inheritdoc />
    public void Report(InputProblem problem)
    {
        _problems.Enqueue(problem);
        _byKind.AddOrUpdate(problem.Kind, 1, static (_, n) => n + 1);
        _onReport?.Invoke(problem);
    }
}
