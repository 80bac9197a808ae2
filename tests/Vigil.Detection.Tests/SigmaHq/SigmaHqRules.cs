using Vigil.Detection.Engine;
using Vigil.Detection.Routing;
using Vigil.Detection.Rules;
using Vigil.Detection.Tests.Support;
using Vigil.Diagnostics;

namespace Vigil.Detection.Tests.SigmaHq;

/// <summary>All active SigmaHQ rules loaded once, with Vigil's logsource routing, shared by the conformance tests.</summary>
public sealed class SigmaHqRules
{
    public static readonly string[] ActiveFolders = ["rules", "rules-emerging-threats", "rules-threat-hunting", "rules-placeholder", "rules-compliance"];

    public SigmaHqRules()
    {
        Problems = new ProblemLog();
        Rules = RuleSet.Load(ActiveFolders.Select(f => Repository.SharedData(Path.Combine("sigma", f))), Problems);
        Engine = new DetectionEngine(Rules, new EngineOptions { Logsources = LogsourceMap.Load(Repository.Config("logsources.yml"), Problems) }, Problems);
    }

    public RuleSet Rules { get; }

    public DetectionEngine Engine { get; }

    public ProblemLog Problems { get; }
}
