using Vigil.Response.Breach;
using Vigil.Storage.Breach;

namespace Vigil.Storage.Tests.Incidents;

/// <summary>The checks every way of giving breach facts shares (CLI file, web form, API): each wrong field named, with the reason.</summary>
public sealed class BreachFactsInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, Action<BreachFactsInput>> Changes = new(StringComparer.Ordinal)
    {
        ["unknown nature"] = static f => f.Nature = "smashed",
        ["blank description"] = static f => f.Description = "  ",
        ["short organisation"] = static f => f.Organisation = "x",
        ["long case reference"] = static f => f.CaseReference = new string('x', 201),
        ["occurred in the future"] = static f => (f.OccurredAt, f.ContainedAt) = (Now.AddHours(1), null),
        ["occurred after awareness"] = static f => f.OccurredAt = Now.AddDays(-1),
        ["contained before it occurred"] = static f => f.ContainedAt = Now.AddDays(-4),
        ["51 measures"] = static f => f.MeasuresTaken = [.. Enumerable.Range(0, 51).Select(static i => $"step {i}")],
        ["told the regulator tomorrow"] = static f => f.RegulatorNotifiedAt = Now.AddDays(1),
    };

    [Theory]
    [InlineData("unknown nature", "nature", "Nature of the breach: choose one or more of confidentiality, integrity and availability.")]
    [InlineData("blank description", "description", "What happened: needed.")]
    [InlineData("short organisation", null, null)]
    [InlineData("long case reference", "caseReference", "The regulator's case reference: at most 200 characters.")]
    [InlineData("occurred in the future", "occurredAt", "When the breach happened: cannot be in the future.")]
    [InlineData("occurred after awareness", "occurredAt", "When the breach happened: cannot be after the practice became aware of it (the incident's awareness time).")]
    [InlineData("contained before it occurred", "containedAt", "When it was contained: cannot be before the breach happened.")]
    [InlineData("51 measures", "measuresTaken", "Measures taken: at most 50 items.")]
    [InlineData("told the regulator tomorrow", "regulatorNotifiedAt", "When the regulator was told: cannot be in the future.")]
    public void Each_wrong_fact_is_named_with_the_reason(string change, string? field, string? message)
    {
        var input = new BreachFactsInput { OccurredAt = Now.AddDays(-3), ContainedAt = Now.AddDays(-1) };
        Changes[change](input);

        var errors = input.Check(Now, awareAt: Now.AddDays(-2));

        Assert.Equal(field is null ? [] : [field], errors.Keys);
        Assert.Equal(message, field is null ? null : errors[field]);
    }

    [Fact]
    public void Absent_facts_take_the_defaults_and_text_is_tidied()
    {
        var facts = new BreachFactsInput { Nature = "Availability,confidentiality", MeasuresTaken = ["  Password reset ", " ", "Sessions revoked"], DelayReason = "  " }.ToFacts();

        Assert.Equal(new BreachFacts().Description, facts.Description);
        Assert.Equal("confidentiality, availability", facts.Nature);
        Assert.Equal(["Password reset", "Sessions revoked"], facts.MeasuresTaken);
        Assert.Null(facts.DelayReason);
        Assert.True(facts.Cyber);
        Assert.Equal(["nature", "measuresTaken"], BreachFactsInput.Changed(new BreachFacts(), facts));
    }
}
