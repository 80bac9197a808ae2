using Vigil.Discovery.Recognition;

namespace Vigil.Discovery.Tests.Recognition;

public sealed class UsPhoneTests
{
    private static readonly RecogniserOptions Us = RecogniserOptions.Default with { UsPhones = true };

    [Theory]
    [InlineData("daughter, tel 201-561-8910.", "US_PHONE=201-561-8910")]
    [InlineData("called (201) 223-4567 today", "US_PHONE=(201) 223-4567")]
    [InlineData("wife (201/324/1423) confirms", "US_PHONE=201/324/1423")]
    [InlineData("call with update: 410 392 0780", "US_PHONE=410 392 0780")]
    [InlineData("Baker- 212- 476- 8356.", "US_PHONE=212- 476- 8356")]
    [InlineData("reached at 410.555.9876", "US_PHONE=410.555.9876")]
    [InlineData("CELLULAR-410 202-6694", "US_PHONE=410 202-6694")]
    [InlineData("home 671-9309", "US_PHONE=671-9309")]
    [InlineData("Pager: #54321", "US_PHONE=54321")]
    [InlineData("PG 33445", "US_PHONE=33445")]
    [InlineData("beeper number 55037", "US_PHONE=55037")]
    public void North_american_phone_and_pager_numbers_are_recognised_when_asked(string text, string expected) =>
        Assert.Equal([expected], Recognise.Found(text, Us));

    [Theory]
    [InlineData("BP 120/80, HR 88")]
    [InlineData("dates 10-15-19 and 3-24-88")]
    [InlineData("order 123-456-7890")]
    [InlineData("area 671-9309 sq ft")]
    [InlineData("12345 pager")]
    [InlineData("pages 12345")]
    [InlineData("pager went off at 12:30, ward 12345")]
    [InlineData("1.410.555.98765")]
    public void Other_numbers_are_not_us_phones(string text) =>
        Assert.DoesNotContain(Recognise.All(text, Us), m => m.Type == "US_PHONE");

    [Fact]
    public void Us_phones_are_off_by_default() =>
        Assert.DoesNotContain(Recognise.All("tel 201-561-8910, pager 54321"), m => m.Type == "US_PHONE");

    [Fact]
    public void An_nhs_number_written_like_a_us_phone_stays_an_nhs_number() =>
        Assert.Equal(["UK_NHS=943 476 5919"], Recognise.Found("NHS number 943 476 5919", Us));
}
