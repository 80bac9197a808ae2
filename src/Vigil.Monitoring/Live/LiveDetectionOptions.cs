using Vigil.Detection.Rules;

namespace Vigil.Monitoring.Live;

/// <summary>How live detection turns detections into alerts.</summary>
public sealed class LiveDetectionOptions
{
    /// <summary>
    /// Detections below this level are not alerts (a hunt shows them; a practice with no security team should not be
    /// woken by informational rules). Default: medium.
    /// </summary>
    public Level MinLevel { get; set; } = Level.Medium;

    /// <summary>Detections of one rule and key within this event-time window are one alert. Default: one hour.</summary>
    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rules disabled and uploaded while running (the web app's Rules page changes them).</summary>
    public LiveRules Rules { get; set; } = new();

    /// <summary>The alert channels every new alert is sent to (their names).</summary>
    public IReadOnlyList<string> Channels { get; set; } = [];
}
