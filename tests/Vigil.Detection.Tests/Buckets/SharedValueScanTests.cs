using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Events;

namespace Vigil.Detection.Tests.Buckets;

/// <summary>
/// A bucket scans a string instance that stands under two fields of one event (a syslog message under
/// <c>message</c> and <c>syslog.message</c>) for keywords once; these check that every rule still meets it.
/// </summary>
public sealed class SharedValueScanTests
{
    private const string Rules = """
        title: Keyword
        id: 00000000-0000-0000-0000-0000000000a1
        logsource:
            product: test
        detection:
            keywords:
                - 'reverse shell opened'
            condition: keywords
        level: high
        ---
        title: Own field
        id: 00000000-0000-0000-0000-0000000000a2
        logsource:
            product: test
        detection:
            selection:
                syslog.message|contains: 'shell opened on'
            condition: selection
        level: high
        ---
        title: Both
        id: 00000000-0000-0000-0000-0000000000a3
        logsource:
            product: test
        detection:
            selection:
                message|contains: 'opened on port'
            keywords:
                - 'port 4444'
            condition: selection and keywords
        level: high
        """;

    public static TheoryData<string, string[]> Messages => new()
    {
        { "a reverse shell opened on port 4444 by nobody", ["a1", "a2", "a3"] },
        { "a reverse shell opened nowhere, nothing else to see", ["a1"] },
        { "the other shell opened on port 80, nothing else", ["a2"] },
        { "nothing of interest happened at all here", [] },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_under_two_fields_meets_the_same_rules_as_two_copies(string text, string[] expected)
    {
        var engine = Engine();
        foreach (var shared in new[] { true, false, true })
        {
            var e = new LogEvent();
            e.Add("syslog.hostname", "gw");
            e.Add("message", text);
            e.Add("syslog.message", shared ? text : new string(text.AsSpan()));
            var output = new List<RuleMatch>();
            engine.Process(e, output);
            Assert.Equal(expected, output.Select(static m => m.Rule.Id[^2..]).Order());
        }
    }

    [Fact]
    public void More_shared_values_than_a_bucket_remembers_are_scanned_again_and_still_match()
    {
        var engine = Engine();
        var e = new LogEvent();
        for (var k = 0; k < Bucket.SharedLength; k++)
        {
            var filler = new string((char)('a' + k), Bucket.SharedLength);
            e.Add($"f{k}", filler);
            e.Add($"g{k}", filler);
        }

        const string Text = "a reverse shell opened on port 4444 by nobody";
        e.Add("syslog.message", Text);
        e.Add("message", Text);
        var output = new List<RuleMatch>();
        engine.Process(e, output);
        Assert.Equal(["a1", "a2", "a3"], output.Select(static m => m.Rule.Id[^2..]).Order());
    }

    private static DetectionEngine Engine()
    {
        var problems = new ProblemLog();
        var engine = new DetectionEngine(RuleSet.Parse(Rules, "shared.yml", problems), new EngineOptions(), problems);
        Assert.Equal(3, engine.RulesLoaded);
        return engine;
    }
}
