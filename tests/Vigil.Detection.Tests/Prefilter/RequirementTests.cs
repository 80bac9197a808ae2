using Vigil.Detection.Matching;
using Vigil.Detection.Prefilter;
using Vigil.Events;

namespace Vigil.Detection.Tests.Prefilter;

public sealed class RequirementTests
{
    private static readonly int Field = FieldNames.Intern("CommandLine");

    // Each selection is one field test: "c:" contains, "e:" equals, "s:" starts with; '|' separates OR-ed values.
    public static TheoryData<string[], string[]> Cases => new()
    {
        { ["c::", "c:EVIL.EXE"], ["c:EVIL.EXE"] },
        { ["c:/C", "c:RUNDLL32"], ["c:RUNDLL32"] },
        { ["c:ABC", "c::"], ["c:ABC"] },
        { ["c:MIMIKATZ|0", "c:LSASS"], ["c:LSASS"] },
        { ["c:-E", "c:/C"], ["c:-E", "c:/C"] },
        { ["e:3", "c:EVIL"], ["e:3", "c:EVIL"] },
        { ["s:C", "c:EVIL"], ["s:C", "c:EVIL"] },
        { ["c:0", "c:1", "c:WHOAMI", "c:NET USE"], ["c:NET USE", "c:WHOAMI"] },
        { ["c::"], ["c::"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_and_drops_groups_of_short_substrings_only_while_a_stronger_group_remains(string[] selections, string[] kept)
    {
        var parts = selections.Select(Selection).ToArray();
        var required = new AllOf(parts).Required!;

        Assert.Equal(kept.Select(static k => Text(Selection(k).Required!.Groups.Single())).Order(), required.Groups.Select(Text).Order());
        // Sound: every group kept is one a part needs, so whatever matches the AND satisfies what is kept.
        var needed = parts.SelectMany(static p => p.Required!.Groups).Select(Text).ToList();
        Assert.All(required.Groups, g => Assert.Contains(Text(g), needed));
    }

    [Fact]
    public void An_or_of_ands_keeps_the_strong_group_of_each_branch()
    {
        // (Image whole AND CommandLine contains i/u) OR (CommandLine contains nslookup AND -q=txt): the one-letter
        // group no longer widens the OR's second group to almost every command line.
        var image = FieldNames.Intern("Image");
        var service = new AllOf([new FieldMatcher(image, [new EqualsValue(@"C:\Windows\system32\Service.exe", StringComparison.OrdinalIgnoreCase)], all: false), Selection("c:i|u")]);
        var lookup = new AllOf([Selection("c:nslookup.exe"), Selection("c:-q=TXT")]);
        var required = new AnyOf([service, lookup]).Required!;

        Assert.Equal(2, required.Groups.Count);
        Assert.All(required.Groups, static g => Assert.True(g.ShortestSubstring > Requirement.WeakLength));
    }

    private static string Text(AtomSet group) => string.Join('|', group.Atoms.Select(static a => $"{a.Field}:{a.Kind}:{a.Literal}"));

    private static FieldMatcher Selection(string spec)
    {
        var values = spec[2..].Split('|');
        ValuePredicate[] predicates = spec[0] switch
        {
            'e' => [.. values.Select(static v => new EqualsValue(v, StringComparison.OrdinalIgnoreCase))],
            's' => [.. values.Select(static v => new StartsWithValue(v, StringComparison.OrdinalIgnoreCase))],
            _ => [.. values.Select(static v => new ContainsValue(v, StringComparison.OrdinalIgnoreCase))],
        };
        return new FieldMatcher(Field, predicates, all: false);
    }
}
