using Vigil.Detection.Conditions;
using Vigil.Detection.Tests.Support;

namespace Vigil.Detection.Tests.Conditions;

public sealed class ConditionTests
{
    private const string Selections = "sel_a:\n    A: 1\nsel_b:\n    B: 1\nfilter_x:\n    X: 1\nfilter_y:\n    Y: 1\n";

    // (condition, fields set to "1", expected)
    public static TheoryData<string, string, bool> Cases => new()
    {
        { "sel_a", "A", true },
        { "sel_a", "B", false },
        { "sel_a and sel_b", "A B", true },
        { "sel_a and sel_b", "A", false },
        { "sel_a or sel_b", "B", true },
        { "not sel_a", "B", true },
        { "not sel_a", "A", false },
        { "sel_a and not sel_b", "A B", false },
        { "sel_a or sel_b and filter_x", "A", true },
        { "(sel_a or sel_b) and filter_x", "A", false },
        { "(sel_a or sel_b) and filter_x", "B X", true },
        { "not (sel_a or sel_b)", "X", true },
        { "not not sel_a", "A", true },
        { "1 of sel_*", "B", true },
        { "any of sel_*", "B", true },
        { "all of sel_*", "B", false },
        { "all of sel_*", "A B", true },
        { "1 of sel_* and not 1 of filter_*", "A Y", false },
        { "1 of sel_* and not 1 of filter_*", "A", true },
        { "all of them", "A B X Y", true },
        { "all of them", "A B X", false },
        { "1 of them", "Y", true },
        { "2 of them", "Y", false },
        { "2 of them", "Y A", true },
        { "sel_a AND NOT filter_x", "A", true },
        { "((sel_a))", "A", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Condition_combines_selections(string condition, string fields, bool expected)
    {
        var e = Sigma.Event([.. fields.Split(' ').Select(static f => (f, (string?)"1"))]);
        Assert.Equal(expected, Sigma.Matches(Selections + "condition: " + condition, e));
    }

    [Theory]
    [InlineData("sel and", "ends where an identifier")]
    [InlineData("(sel", "missing ')'")]
    [InlineData("sel)", "unexpected ')'")]
    [InlineData("sel | count() > 5", "correlation rule")]
    [InlineData("and sel", "unexpected 'and'")]
    [InlineData("all of", "needs an identifier pattern")]
    [InlineData("3x of sel*", "expected '1 of'")]
    [InlineData("sel # x", "unexpected character '#'")]
    [InlineData("", "empty")]
    public void Broken_condition_is_reported_with_the_reason(string condition, string reason)
    {
        Assert.Null(ConditionParser.Parse(condition, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_binds_tighter_than_and_and_and_tighter_than_or()
    {
        var node = ConditionParser.Parse("not a and b or c", out _);
        var or = Assert.IsType<OrNode>(node);
        var and = Assert.IsType<AndNode>(or.Left);
        Assert.IsType<NotNode>(and.Left);
    }
}
