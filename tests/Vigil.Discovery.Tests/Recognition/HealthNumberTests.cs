using Vigil.Discovery.Recognition;

namespace Vigil.Discovery.Tests.Recognition;

public sealed class HealthNumberTests
{
    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("4010234563", true)]
    [InlineData("9434765918", false)]
    [InlineData("4010234564", false)]
    [InlineData("9990000018", true)]
    [InlineData("1234567890", false)]
    public void Modulus_11_accepts_only_the_right_check_digit(string number, bool valid) =>
        Assert.Equal(valid, Checksums.Modulus11(number));

    [Theory]
    [InlineData("NHS number: 943 476 5919.", "UK_NHS=943 476 5919")]
    [InlineData("NHS no 943-476-5919", "UK_NHS=943-476-5919")]
    [InlineData("NHS 9434765919", "UK_NHS=9434765919")]
    [InlineData("ref 7123456785", "UK_NHS=7123456785")]
    [InlineData("Hospital ref 612 345 6784 (no label)", "UK_NHS=612 345 6784")]
    [InlineData("Test patient 999 000 0018", "UK_NHS=999 000 0018")]
    [InlineData("CHI 1503851230.", "SCOT_CHI=1503851230")]
    [InlineData("CHI number 010 190 0007", "SCOT_CHI=010 190 0007")]
    [InlineData("H&C number 365 432 1097", "NI_HC=365 432 1097")]
    [InlineData("ref 3200000015", "NI_HC=3200000015")]
    public void Ten_digit_numbers_are_told_apart_by_range(string text, string expected) =>
        Assert.Equal([expected], Recognise.Found(text));

    [Theory]
    [InlineData("Order reference 4010234564 has been dispatched.")]
    [InlineData("NHS number: 943 476 5918")]
    [InlineData("943 476-5919")]
    [InlineData("Amount 12.9434765919")]
    [InlineData("INV-9434765919")]
    [InlineData("94347659190")]
    [InlineData("ref 9434765919")]
    public void Numbers_failing_the_check_or_the_shape_are_not_reported(string text) =>
        Assert.DoesNotContain(Recognise.All(text), m => m.Type is PhiTypes.UkNhs or PhiTypes.ScotChi or PhiTypes.NiHc);

    [Fact]
    public void A_chi_shaped_number_under_an_nhs_label_is_an_nhs_number() =>
        Assert.Equal(["UK_NHS=1503851230"], Recognise.Found("NHS number 1503851230"));

    [Fact]
    public void Context_raises_confidence_and_evidence_never_holds_the_value()
    {
        var labelled = Recognise.All("NHS number: 401 023 4563").Single();
        var bare = Recognise.All("ref 401 023 4563").Single();
        Assert.True(labelled.Confidence > bare.Confidence);
        Assert.Contains("checksum:mod11", labelled.Evidence, StringComparison.Ordinal);
        Assert.Contains("context:nhs", labelled.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("401", labelled.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void The_context_window_is_bounded()
    {
        var far = "NHS" + new string(' ', 100) + "401 023 4563";
        Assert.DoesNotContain("context:", Recognise.All(far).Single().Evidence, StringComparison.Ordinal);
    }
}
