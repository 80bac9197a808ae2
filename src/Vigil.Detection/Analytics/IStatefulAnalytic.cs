namespace Vigil.Detection.Analytics;

/// <summary>An analytic whose learned state (baselines, first-seen values) must outlive the process in <c>vigil serve</c>.</summary>
/// <remarks>
/// The host saves <see cref="SaveState"/> periodically and at stop (as text in the store) and passes it back to
/// <see cref="LoadState"/> before the first event. State must stay bounded (cap per-key history, expire old keys).
/// </remarks>
public interface IStatefulAnalytic : IAnalytic
{
    /// <summary>The state as text (JSON).</summary>
    string SaveState();

    /// <summary>Restores state saved by <see cref="SaveState"/>; returns false (and starts empty) when it cannot be read.</summary>
    bool LoadState(string state);
}
