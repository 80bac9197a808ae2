using Vigil.Detection.Tests.Support;

namespace Vigil.Detection.Tests.Rules;

public sealed class RuleErrorTests
{
    // (rule YAML, expected kind, text the reason must contain)
    public static TheoryData<string, string, string> Cases => new()
    {
        { "title: x\nlogsource: {product: a}\ndetection:\n  sel: [unclosed\n  condition: sel", "bad-yaml", "not valid YAML" },
        { Sigma.Rule("sel:\n    A|nonsense: 1\ncondition: sel"), "unknown-modifier", "unknown modifier 'nonsense'" },
        { Sigma.Rule("sel:\n    A: 1\ncondition: sel and"), "bad-condition", "condition 'sel and'" },
        { Sigma.Rule("sel:\n    A: 1\ncondition: other"), "bad-condition", "'other', which is not a selection" },
        { Sigma.Rule("sel:\n    A: 1\ncondition: 1 of filter*"), "bad-condition", "'filter*' matches no selection" },
        { Sigma.Rule("sel:\n    A: 1"), "bad-condition", "no 'condition'" },
        { Sigma.Rule("sel:\n    A|re: '(unclosed'\ncondition: sel"), "bad-regex", "invalid regular expression" },
        { Sigma.Rule("sel:\n    A|cidr: '10.0.0.0/99'\ncondition: sel"), "bad-detection", "is not a CIDR network" },
        { Sigma.Rule("sel:\n    A|lt: many\ncondition: sel"), "bad-detection", "'many' is not a number" },
        { Sigma.Rule("sel:\n    A|exists: maybe\ncondition: sel"), "bad-detection", "true or false" },
        { Sigma.Rule("sel:\n    A|re|contains: x\ncondition: sel"), "bad-detection", "cannot be combined" },
        { Sigma.Rule("sel:\n    A|i: x\ncondition: sel"), "bad-detection", "go with 're'" },
        { Sigma.Rule("sel:\n    A|base64: 'x*'\ncondition: sel"), "bad-detection", "cannot encode a value with wildcards" },
        { Sigma.Rule("sel:\n    A:\n        B: 1\ncondition: sel"), "bad-selection", "holds a mapping" },
        { Sigma.Rule("sel:\ncondition: sel"), "bad-selection", "selection 'sel' is empty" },
        { "title: x\nlogsource: {product: a}\ndetection: [1]", "bad-rule", "'detection' section must be a mapping" },
        { "title: x\nfoo: bar", "bad-rule", "not a Sigma rule" },
        { "- just\n- a list", "bad-rule", "not a YAML mapping" },
        { "action: global\ntitle: x", "rule-collection", "not part of Sigma 2" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_rule_is_reported_with_its_file_and_reason(string yaml, string kind, string reason)
    {
        var problems = Sigma.Problems(yaml);
        var problem = Assert.Single(problems.Problems);
        Assert.Equal("bad.yml", problem.Item);
        Assert.Equal(kind, problem.Kind);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_rule_twice_is_loaded_once_and_reported()
    {
        var problems = new Vigil.Diagnostics.ProblemLog();
        var rule = Sigma.Rule("sel:\n    A: 1\ncondition: sel");
        var set = Vigil.Detection.Rules.RuleSet.Combine(
            Vigil.Detection.Rules.RuleSet.Parse(rule, "a.yml", problems),
            Vigil.Detection.Rules.RuleSet.Parse(rule, "copy.yml", problems));
        var engine = new Vigil.Detection.Engine.DetectionEngine(set, new(), problems);
        Assert.Equal(1, engine.RulesLoaded);
        var problem = Assert.Single(problems.Problems);
        Assert.Equal("duplicate-id", problem.Kind);
        Assert.Equal("copy.yml", problem.Item);
        var found = new List<Vigil.Detection.Engine.RuleMatch>();
        engine.Process(Sigma.Event(("A", "1")), found);
        Assert.Single(found);
    }

    [Fact]
    public void A_bad_rule_does_not_stop_the_good_ones()
    {
        var problems = new Vigil.Diagnostics.ProblemLog();
        var yaml = Sigma.Rule("sel:\n    A|nonsense: 1\ncondition: sel") + "\n---\n" + Sigma.Rule("sel:\n    A: 1\ncondition: sel").Replace("11111111", "22222222", StringComparison.Ordinal);
        var engine = new Vigil.Detection.Engine.DetectionEngine(Vigil.Detection.Rules.RuleSet.Parse(yaml, "mixed.yml", problems), new(), problems);
        Assert.Equal(1, engine.RulesLoaded);
        Assert.Single(problems.Problems);
        var found = new List<Vigil.Detection.Engine.RuleMatch>();
        engine.Process(Sigma.Event(("A", "1")), found);
        Assert.Single(found);
    }
}
