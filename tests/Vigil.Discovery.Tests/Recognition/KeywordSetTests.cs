using Vigil.Discovery.Recognition;

namespace Vigil.Discovery.Tests.Recognition;

public sealed class KeywordSetTests
{
    private static readonly KeywordSet Birth = new("dob", "date of birth", "birth", "b.");

    [Theory]
    [InlineData("Patient DOB: ", "dob")]
    [InlineData("her date of birth is ", "date of birth")]
    [InlineData("birth date, dob ", "dob")]
    [InlineData("Birthday ", "birth")]
    [InlineData("(b. ", "b.")]
    [InlineData("adobe ", null)]
    [InlineData("rebirth ", null)]
    [InlineData("nothing here ", null)]
    public void The_first_listed_keyword_starting_a_word_in_the_window_is_found(string text, string? expected) =>
        Assert.Equal(expected, Birth.Find(text, 0, text.Length));

    [Fact]
    public void A_keyword_must_end_inside_the_window()
    {
        const string text = "date of birth 1950";
        Assert.Equal("birth", Birth.Find(text, 8, text.Length));
        Assert.Null(Birth.Find(text, 0, 10));
        Assert.Null(Birth.Find(text, 9, text.Length));
    }

    [Fact]
    public void Lists_it_cannot_search_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new KeywordSet("#tag"));
        Assert.Throws<ArgumentException>(() => new KeywordSet([.. Enumerable.Range(0, 33).Select(static i => "k" + i)]));
    }
}
