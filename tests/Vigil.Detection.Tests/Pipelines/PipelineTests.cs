using Vigil.Detection.Engine;
using Vigil.Detection.Pipelines;
using Vigil.Detection.Rules;
using Vigil.Detection.Tests.Support;
using Vigil.Diagnostics;

namespace Vigil.Detection.Tests.Pipelines;

public sealed class PipelineTests
{
    private const string Rule = """
        title: Encoded PowerShell
        id: 00000000-0000-4000-8000-000000000002
        logsource: {category: process_creation, product: windows}
        detection:
            sel:
                Image|endswith: '\powershell.exe'
                CommandLine|contains: ' -enc '
            condition: sel
        level: high
        """;

    private static int Matches(string pipelineYaml, Vigil.Events.LogEvent e)
    {
        var problems = new ProblemLog();
        var pipeline = Pipeline.Parse(pipelineYaml, "p.yml", problems);
        Assert.Empty(problems.Problems);
        var engine = new DetectionEngine(RuleSet.Parse(Rule, "r.yml", problems), new EngineOptions { Pipelines = [pipeline] }, problems);
        var found = new List<RuleMatch>();
        engine.Process(e, found);
        return found.Count;
    }

    [Fact]
    public void Field_name_mapping_renames_the_rule_fields()
    {
        const string yaml = "transformations:\n  - type: field_name_mapping\n    mapping:\n      Image: process.executable\n      CommandLine: process.command_line\n";
        Assert.Equal(1, Matches(yaml, Sigma.Event(("process.executable", "C:\\x\\powershell.exe"), ("process.command_line", "powershell -enc AAA"))));
        Assert.Equal(0, Matches(yaml, Sigma.Event(("Image", "C:\\x\\powershell.exe"), ("CommandLine", "powershell -enc AAA"))));
    }

    [Fact]
    public void Prefix_applies_only_to_rules_of_the_named_logsource()
    {
        const string yaml = "transformations:\n  - type: field_name_prefix\n    prefix: winlog.event_data.\n    rule_conditions:\n      - type: logsource\n        product: windows\n";
        Assert.Equal(1, Matches(yaml, Sigma.Event(("winlog.event_data.Image", "C:\\x\\powershell.exe"), ("winlog.event_data.CommandLine", "powershell -enc AAA"))));
        const string other = "transformations:\n  - type: field_name_prefix\n    prefix: winlog.event_data.\n    rule_conditions:\n      - type: logsource\n        product: linux\n";
        Assert.Equal(1, Matches(other, Sigma.Event(("Image", "C:\\x\\powershell.exe"), ("CommandLine", "powershell -enc AAA"))));
    }

    [Fact]
    public void Added_conditions_must_hold_too()
    {
        const string yaml = "transformations:\n  - type: add_condition\n    conditions:\n      event.module: sysmon\n";
        Assert.Equal(1, Matches(yaml, Sigma.Event(("event.module", "sysmon"), ("Image", "C:\\x\\powershell.exe"), ("CommandLine", "powershell -enc AAA"))));
        Assert.Equal(0, Matches(yaml, Sigma.Event(("event.module", "security"), ("Image", "C:\\x\\powershell.exe"), ("CommandLine", "powershell -enc AAA"))));
    }

    [Theory]
    [InlineData("transformations: [", "not valid YAML")]
    [InlineData("name: x", "expected a 'transformations' list")]
    [InlineData("transformations:\n  - type: drop_everything\n", "transformation 'drop_everything' is unknown")]
    [InlineData("transformations:\n  - type: field_name_mapping\n", "lacks its settings")]
    [InlineData("transformations:\n  - type: field_name_prefix\n    prefix: x\n    rule_conditions:\n      - type: rule_id\n", "rule condition type 'rule_id' is not supported")]
    public void A_bad_pipeline_is_reported_with_the_reason(string yaml, string reason)
    {
        var problems = new ProblemLog();
        Pipeline.Parse(yaml, "bad-pipeline.yml", problems);
        var problem = Assert.Single(problems.Problems);
        Assert.Equal("bad-pipeline.yml", problem.Item);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }
}
