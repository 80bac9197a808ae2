namespace Vigil.Discovery.Tests.Recognition;

public sealed class ContextRuleTests
{
    [Theory]
    [InlineData("Re patient X, DOB 12/03/1950.", "DATE_OF_BIRTH=12/03/1950")]
    [InlineData("date of birth: 3 March 1950", "DATE_OF_BIRTH=3 March 1950")]
    [InlineData("She was born on 3rd Mar 1950.", "DATE_OF_BIRTH=3rd Mar 1950")]
    [InlineData("D.O.B. 1950-03-12", "DATE_OF_BIRTH=1950-03-12")]
    [InlineData("DOB March 3, 1950", "DATE_OF_BIRTH=March 3, 1950")]
    [InlineData("dob 12.03.50", "DATE_OF_BIRTH=12.03.50")]
    public void Dates_in_a_birth_context_are_dates_of_birth(string text, string expected) =>
        Assert.Contains(expected, Recognise.Found(text));

    [Theory]
    [InlineData("The permits expire on 12/03/2024.")]
    [InlineData("Date: Mon, 7 Apr 2025 10:00:00 +0100")]
    [InlineData("DOB unknown; the clinic on the first floor reopens on 12/03/2024 after works.")]
    [InlineData("DOB 31/02/1950")]
    public void Other_dates_are_not_dates_of_birth(string text) =>
        Assert.DoesNotContain(Recognise.All(text), m => m.Type == "DATE_OF_BIRTH");

    [Theory]
    [InlineData("Dear Mrs Smith,", "PERSON=Smith")]
    [InlineData("Re patient Oliver Le Page, DOB", "PERSON=Oliver Le Page")]
    [InlineData("Next of kin: Grace O'Neill, mobile", "PERSON=Grace O'Neill")]
    [InlineData("Kind regards,\nTomasz Nowak\n", "PERSON=Tomasz Nowak")]
    [InlineData("From: Peter Smith-Jones <p@nhs.net>\n", "PERSON=Peter Smith-Jones")]
    [InlineData("I spoke to Oliver Hill yesterday.", "PERSON=Oliver Hill")]
    [InlineData("Patient: Aisha Khan", "PERSON=Aisha Khan")]
    [InlineData("My name is Grace Hopper", "PERSON=Grace Hopper")]
    [InlineData("SEEN BY DR SMITH TODAY", "PERSON=SMITH")]
    public void Names_come_from_context_or_first_name_and_capitalised_surname(string text, string expected) =>
        Assert.Contains(expected, Recognise.Found(text));

    [Theory]
    [InlineData("Address: 12 Victoria Road, Leeds")]
    [InlineData("St Peter Port, Guernsey")]
    [InlineData("Will you confirm the rota?")]
    [InlineData("Subject: Patient update #12")]
    [InlineData("Thanks for your help")]
    [InlineData("Rareone Smith came in")]
    [InlineData("Dear Colleague,")]
    [InlineData("MS: Pt alert and oriented")]
    [InlineData("PT REMAINS STABLE")]
    public void Streets_places_and_sentence_starts_are_not_names(string text) =>
        Assert.DoesNotContain(Recognise.All(text), m => m.Type == "PERSON");

    [Theory]
    [InlineData("Address: 12 Victoria Road, Leeds", "ADDRESS=12 Victoria Road")]
    [InlineData("Address: 45 Le Bordage, St Peter Port", "ADDRESS=45 Le Bordage")]
    [InlineData("lives at 7 Church Lane.", "ADDRESS=7 Church Lane")]
    public void Addresses_are_a_house_number_and_a_street(string text, string expected) =>
        Assert.Contains(expected, Recognise.Found(text));

    [Theory]
    [InlineData("Diagnosis: type 2 diabetes (E11.9).", "ICD10=E11.9")]
    [InlineData("Diagnosis: HIV infection (B24).", "ICD10=B24")]
    [InlineData("coded I10 at the review", "ICD10=I10")]
    [InlineData("see E11.9 in the letter", "ICD10=E11.9")]
    public void Icd10_codes_are_recognised_in_context(string text, string expected) =>
        Assert.Contains(expected, Recognise.Found(text));

    [Theory]
    [InlineData("Room B24 on the left")]
    [InlineData("Birmingham B33 8TH")]
    [InlineData("Seat E11 please")]
    public void Code_shaped_tokens_without_context_are_not_icd10(string text) =>
        Assert.DoesNotContain(Recognise.All(text), m => m.Type == "ICD10");

    [Theory]
    [InlineData("Diagnosis: type 2 diabetes mellitus.", "CONDITION=type 2 diabetes mellitus")]
    [InlineData("known essential hypertension", "CONDITION=essential hypertension")]
    [InlineData("history of asthma", "CONDITION=asthma")]
    [InlineData("Current medication: metformin 500mg daily.", "MEDICATION=metformin")]
    [InlineData("takes Glucophage and ramipril", "MEDICATION=Glucophage")]
    public void Conditions_and_medicines_come_from_the_dictionaries(string text, string expected) =>
        Assert.Contains(expected, Recognise.Found(text));

    [Theory]
    [InlineData("The cough medicine aisle is closed.")]
    [InlineData("Encounter for general examination")]
    public void Single_common_words_need_a_medical_context(string text) =>
        Assert.DoesNotContain(Recognise.All(text), m => m.Type == "CONDITION");

    [Fact]
    public void Identifiers_only_skips_names_and_health()
    {
        var text = "Dear Oliver Smith, diagnosis asthma (J45). NHS 943 476 5919";
        var found = Recognise.Found(text, Vigil.Discovery.Recognition.RecogniserOptions.IdentifiersOnly);
        Assert.Equal(["UK_NHS=943 476 5919"], found);
    }

    [Fact]
    public void One_recogniser_gives_the_same_results_from_many_threads()
    {
        var text = string.Concat(Enumerable.Repeat("Dear Oliver Smith, DOB 12/03/1950, NHS 943 476 5919, GY1 2AB. ", 50));
        var expected = Recognise.Found(text);
        var recogniser = new Vigil.Discovery.Recognition.PhiRecogniser(Recognise.Vocabulary, Vigil.Discovery.Recognition.RecogniserOptions.Default);
        Parallel.For(0, 16, _ =>
        {
            var results = new List<Vigil.Discovery.Recognition.PhiMatch>();
            recogniser.Scan(text, results);
            Assert.Equal(expected.Count, results.Count);
        });
        Assert.Equal(200, expected.Count);
    }
}
