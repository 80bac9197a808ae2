using Vigil.Detection.Analytics;

namespace Vigil.Detection.Engine;

/// <summary>
/// Which analytics read events of a source type, worked out once per source type instead of asking every analytic
/// for every event.
/// </summary>
/// <remarks>
/// An analytic reads a source type when its <see cref="IAnalytic.SourceTypes"/> is empty or contains it, asked of the
/// collection itself (so its own comparer decides), once per distinct source type text. Readers give every event of a
/// log the same source type instance, so the last one answers most events by reference. Not thread-safe, like the
/// engine.
/// </remarks>
internal sealed class AnalyticsBySource(IReadOnlyList<IAnalytic> analytics)
{
    // Source types are a short list of reader names; the bound only keeps odd input from growing the table.
    private const int MaxSourceTypes = 256;

    private readonly Dictionary<string, IAnalytic[]> _bySourceType = new(StringComparer.Ordinal);
    private string? _lastSourceType;
    private IAnalytic[] _last = [];

    /// <summary>The analytics that read events of <paramref name="sourceType"/>, in the order they were given.</summary>
    public IAnalytic[] For(string sourceType)
    {
        if (ReferenceEquals(sourceType, _lastSourceType))
        {
            return _last;
        }

        if (!_bySourceType.TryGetValue(sourceType, out var found))
        {
            found = Select(sourceType);
            if (_bySourceType.Count < MaxSourceTypes)
            {
                _bySourceType[sourceType] = found;
            }
        }

        _lastSourceType = sourceType;
        _last = found;
        return found;
    }

    // A method of its own: the lambda captures the source type, and the closure object for a captured parameter is
    // allocated on entry to the method, which in For would be on every call.
    private IAnalytic[] Select(string sourceType) =>
        [.. analytics.Where(a => a.SourceTypes.Count == 0 || a.SourceTypes.Contains(sourceType))];
}
