using Vigil.Detection.Engine;

namespace Vigil.Monitoring.Live;

/// <summary>One consistent view of <see cref="LiveRules"/>.</summary>
internal sealed record LiveRuleSnapshot(IReadOnlySet<string> Disabled, DetectionEngine? Uploaded);
