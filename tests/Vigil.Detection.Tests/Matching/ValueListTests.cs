using Vigil.Detection.Tests.Support;

namespace Vigil.Detection.Tests.Matching;

/// <summary>Long value lists are tested as sets; they must decide exactly as the values one by one would.</summary>
public sealed class ValueListTests
{
    private const string Values = "\n        - 'alpha'\n        - 'Bravo'\n        - 'charlie.EXE'\n        - 'de'\n        - 'echo-foxtrot'";

    [Theory]
    [InlineData("", "ALPHA", true)]
    [InlineData("", "alphA ", false)]
    [InlineData("", "De", true)]
    [InlineData("|endswith", "C:\\x\\CHARLIE.exe", true)]
    [InlineData("|endswith", "C:\\x\\charlie.exe.txt", false)]
    [InlineData("|endswith", "node", true)]
    [InlineData("|endswith", "n", false)]
    [InlineData("|startswith", "bravo two", true)]
    [InlineData("|startswith", "d", false)]
    [InlineData("|startswith", "Echo-Foxtrot-Golf", true)]
    [InlineData("|contains", "x echo-FOXTROT y", true)]
    [InlineData("|contains", "x ech-foxtrot y", false)]
    [InlineData("|endswith|cased", "Bravo", true)]
    [InlineData("|endswith|cased", "BRAVO", false)]
    public void A_long_list_matches_as_its_values_one_by_one(string modifiers, string value, bool expected)
    {
        var detection = $"sel:\n    Field{modifiers}:{Values}\ncondition: sel";
        Assert.Equal(expected, Sigma.Matches(detection, Sigma.Event(("Field", value))));
    }
}
