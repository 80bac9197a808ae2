namespace Vigil.Discovery.Tests.Recognition;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("NI no. AB 12 34 56 C.", "UK_NINO=AB 12 34 56 C")]
    [InlineData("NINO: JG103759A", "UK_NINO=JG103759A")]
    [InlineData("national insurance AB 123456 D", "UK_NINO=AB 123456 D")]
    [InlineData("NI number AB123456", "UK_NINO=AB123456")]
    [InlineData("Guernsey social security GY123456", "GY_SSN=GY123456")]
    [InlineData("Jersey social security JY123456A", "JE_SSN=JY123456A")]
    [InlineData("Social security / NI no. JY123456A", "UK_NINO=JY123456A")]
    public void National_insurance_and_channel_islands_numbers_are_recognised(string text, string expected) =>
        Assert.Equal([expected], Recognise.Found(text));

    [Theory]
    [InlineData("NI no. BG 12 34 56 C")]
    [InlineData("NI no. QA123456C")]
    [InlineData("NI no. AO123456C")]
    [InlineData("NI no. AB123456E")]
    [InlineData("Part AB123456 shipped")]
    public void Invalid_prefixes_suffixes_and_unlabelled_bare_numbers_are_not_nino(string text) =>
        Assert.DoesNotContain(Recognise.All(text), m => m.Type is "UK_NINO" or "GY_SSN" or "JE_SSN");

    [Theory]
    [InlineData("Address: GY1 2AB.", "UK_POSTCODE=GY1 2AB")]
    [InlineData("JE2 7XY", "UK_POSTCODE=JE2 7XY")]
    [InlineData("IM1 1AA", "UK_POSTCODE=IM1 1AA")]
    [InlineData("GY10 1SA", "UK_POSTCODE=GY10 1SA")]
    [InlineData("SW1A 1AA", "UK_POSTCODE=SW1A 1AA")]
    [InlineData("B33 8TH", "UK_POSTCODE=B33 8TH")]
    [InlineData("M1 1AE", "UK_POSTCODE=M1 1AE")]
    [InlineData("postcode EC1A1BB", "UK_POSTCODE=EC1A1BB")]
    public void Postcodes_follow_the_bs7666_letter_rules(string text, string expected) =>
        Assert.Equal([expected], Recognise.Found(text));

    [Theory]
    [InlineData("QA1 1AA")]
    [InlineData("AB1 1CA")]
    [InlineData("GY1 2ABC")]
    [InlineData("gy1 2ab")]
    public void Strings_breaking_the_postcode_rules_are_not_postcodes(string text) =>
        Assert.DoesNotContain(Recognise.All(text), m => m.Type == "UK_POSTCODE");

    [Theory]
    [InlineData("Tel: 01481 234567.", "UK_PHONE=01481 234567")]
    [InlineData("Tel: 01534 456789", "UK_PHONE=01534 456789")]
    [InlineData("mobile +44 7781 123456.", "UK_PHONE=+44 7781 123456")]
    [InlineData("call +44 (0)1534 456789", "UK_PHONE=+44 (0)1534 456789")]
    [InlineData("(0113) 496 0123", "UK_PHONE=(0113) 496 0123")]
    [InlineData("020 7946 0123", "UK_PHONE=020 7946 0123")]
    [InlineData("07700 900123", "UK_PHONE=07700 900123")]
    [InlineData("07797-123-456", "UK_PHONE=07797-123-456")]
    [InlineData("+441481234567", "UK_PHONE=+441481234567")]
    public void Uk_and_channel_islands_phone_numbers_are_recognised(string text, string expected) =>
        Assert.Equal([expected], Recognise.Found(text));

    [Theory]
    [InlineData("Ticket #012345 resolved")]
    [InlineData("0123 4567")]
    [InlineData("+33 1 23 45 67 89")]
    [InlineData("06123 456789")]
    [InlineData("Date: Mon, 7 Apr 2025 10:00:00 +0100")]
    public void Other_numbers_are_not_phones(string text) =>
        Assert.DoesNotContain(Recognise.All(text), m => m.Type == "UK_PHONE");

    [Theory]
    [InlineData("Email: jane.doe+x@nhs.net\n", "EMAIL=jane.doe+x@nhs.net")]
    [InlineData("From: <a_b@hospital.gg>", "EMAIL=a_b@hospital.gg")]
    [InlineData("write to o'neill@example.co.uk.", "EMAIL=o'neill@example.co.uk")]
    public void Email_addresses_are_recognised(string text, string expected) =>
        Assert.Equal([expected], Recognise.Found(text));

    [Theory]
    [InlineData("Message-ID: <1.2345@practice.example.gg>\n")]
    [InlineData("References: <a@b.example.org>\n <c@d.example.org>\n")]
    [InlineData("In-Reply-To: <x.y@host.example.net>\n")]
    [InlineData("not an address: a@b")]
    public void Message_ids_and_non_addresses_are_not_emails(string text) =>
        Assert.DoesNotContain(Recognise.All(text), m => m.Type == "EMAIL");

    [Fact]
    public void Headers_after_a_message_id_are_still_scanned()
    {
        var found = Recognise.Found("Message-ID: <1@x.example.gg>\nTo: jo@nhs.net\n");
        Assert.Equal(["EMAIL=jo@nhs.net"], found);
    }

    [Theory]
    [InlineData("MRN: 12345678", "RECORD_NUMBER=12345678")]
    [InlineData("Hospital number K123456", "RECORD_NUMBER=K123456")]
    [InlineData("patient ID 0045123", "RECORD_NUMBER=0045123")]
    public void Record_numbers_need_their_label(string text, string expected) =>
        Assert.Equal([expected], Recognise.Found(text));

    [Theory]
    [InlineData("Invoice INV-123456 is overdue")]
    [InlineData("Ticket #654321 resolved")]
    public void Numbers_without_a_record_label_are_not_record_numbers(string text) =>
        Assert.DoesNotContain(Recognise.All(text), m => m.Type == "RECORD_NUMBER");
}
