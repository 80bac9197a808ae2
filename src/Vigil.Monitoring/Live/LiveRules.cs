using Vigil.Detection.Engine;

namespace Vigil.Monitoring.Live;

/// <summary>
/// What the web app changes in live detection while <c>vigil serve</c> runs: the rules whose alerts are not raised,
/// and a second engine with the uploaded rules. Swapped as one snapshot; the detector reads it once per batch.
/// </summary>
/// <remarks>
/// An engine given here must be new: once swapped in, only the detector's thread uses it (engines are not
/// thread-safe), and a replaced engine is never used again after the batch in progress.
/// </remarks>
public sealed class LiveRules
{
    private volatile LiveRuleSnapshot _current = new(new HashSet<string>(StringComparer.Ordinal), null);

    /// <summary>The rule ids whose detections raise no alert.</summary>
    public IReadOnlySet<string> Disabled => _current.Disabled;

    /// <summary>The engine of uploaded rules run after the main engine, or null.</summary>
    public DetectionEngine? Uploaded => _current.Uploaded;

    internal LiveRuleSnapshot Current => _current;

    /// <summary>Replaces the disabled set and the uploaded rules' engine at once.</summary>
    public void Set(IReadOnlySet<string> disabled, DetectionEngine? uploaded)
    {
        ArgumentNullException.ThrowIfNull(disabled);
        _current = new LiveRuleSnapshot(disabled, uploaded);
    }
}
