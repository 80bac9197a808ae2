using Vigil.Detection.Pipelines;
using Vigil.Detection.Routing;

namespace Vigil.Detection.Engine;

/// <summary>How rules are compiled: logsource routing, field-mapping pipelines, placeholder values.</summary>
public sealed class EngineOptions
{
    /// <summary>Logsource routing; without it every rule applies to every event (no routing).</summary>
    public LogsourceMap? Logsources { get; init; }

    /// <summary>Pipelines applied in order after the routing's own field mappings.</summary>
    public IReadOnlyList<Pipeline> Pipelines { get; init; } = [];

    /// <summary>Values of <c>%name%</c> placeholders for the <c>expand</c> modifier.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Whether to skip rules that cannot match by a literal prefilter (on by default; off for testing).</summary>
    public bool Prefilter { get; init; } = true;

    /// <summary>C# analytics run beside the rules (their detections go through correlations and output like a rule's).</summary>
    public IReadOnlyList<Analytics.IAnalytic> Analytics { get; init; } = [];
}
