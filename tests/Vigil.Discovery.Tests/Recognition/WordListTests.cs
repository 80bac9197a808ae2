using Vigil.Discovery.Recognition;
using Vigil.Discovery.Tests.Extraction;

namespace Vigil.Discovery.Tests.Recognition;

/// <summary>User-supplied name and place lists and the us-clinical-notes rules, on hand-written lists and notes.</summary>
public sealed class WordListTests
{
    private static readonly Lazy<PhiVocabulary> ListVocabulary = new(Build);

    [Theory]
    [InlineData("last-names=/srv/surnames.txt", PhiWordListKind.LastNames, "/srv/surnames.txt")]
    [InlineData("Hospitals=lists/h.txt", PhiWordListKind.Hospitals, "lists/h.txt")]
    [InlineData("ambiguous-places=a=b.txt", PhiWordListKind.AmbiguousPlaces, "a=b.txt")]
    public void Word_list_options_name_a_kind_and_a_path(string value, PhiWordListKind kind, string path)
    {
        Assert.Equal(new PhiWordList(kind, path), PhiWordList.Parse(value, out var reason));
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("surnames.txt")]
    [InlineData("=surnames.txt")]
    [InlineData("last-names=")]
    [InlineData("towns=places.txt")]
    public void Malformed_word_list_options_are_rejected_with_a_reason(string value)
    {
        Assert.Null(PhiWordList.Parse(value, out var reason));
        Assert.Contains("first-names", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_are_counted_and_a_missing_file_is_reported_and_skipped()
    {
        var problems = new List<string>();
        var vocabulary = PhiVocabulary.Load(null, [new PhiWordList(PhiWordListKind.Places, "/nonexistent/places.txt")], problems.Add);
        Assert.Single(problems);
        Assert.Contains("/nonexistent/places.txt", problems[0], StringComparison.Ordinal);
        Assert.Equal(0, vocabulary.PlaceCount);
        Assert.True(ListVocabulary.Value.ListedNameCount >= 9);
        Assert.Equal(5, ListVocabulary.Value.PlaceCount);
    }

    [Theory]
    [InlineData("PT TRANSFERRED FROM CALVERT HOSPITAL TODAY", "LOCATION=CALVERT HOSPITAL")]
    [InlineData("lives in towson with her son", "LOCATION=towson")]
    [InlineData("Daughter drove down from Bel Air.", "LOCATION=Bel Air")]
    [InlineData("transfer to quartermain 2 when bed available", "LOCATION=quartermain")]
    [InlineData("SEEN BY KEELEY HOUSE STAFF", "LOCATION=KEELEY HOUSE")]
    [InlineData("awaiting rehab placement", "")]
    [InlineData("titrate to comfort", "")]
    [InlineData("sister lives in hope", "LOCATION=hope")]
    [InlineData("there is hope", "")]
    public void Places_and_hospitals_come_from_the_lists_and_hospital_words(string text, string expected) =>
        Assert.Equal(Expected(expected), Found(text));

    [Theory]
    [InlineData("spoke with dr lipper about the plan", "PERSON=lipper")]
    [InlineData("ROBERT V. DEGIORGIO, RRT", "PERSON=ROBERT V. DEGIORGIO")]
    [InlineData("all is well. q. lander rrt", "PERSON=q. lander")]
    [InlineData("DAUGHTER KAREN CALLED", "PERSON=KAREN")]
    [InlineData("PT WILL NEED PEG", "")]
    [InlineData("INR 6.0. W. MAROTTA AWARE", "PERSON=W. MAROTTA")]
    [InlineData("S. NO COMPLAINTS", "")]
    [InlineData("loose brown stool", "")]
    [InlineData("pa line intact, md aware", "")]
    public void Note_names_come_from_lists_titles_relatives_and_credentials(string text, string expected) =>
        Assert.Equal(Expected(expected), Found(text));

    [Theory]
    [InlineData("CABG '92, MI in 1993", "DATE='92", "DATE=1993")]
    [InlineData("admitted on July 29th", "DATE=July 29th", "")]
    [InlineData("weaned to PS 10/5 40%", "", "")]
    [InlineData("c/o 3/10 back pain", "", "")]
    [InlineData("s/p mastectomy 11/92, stent 7/26", "DATE=11/92", "DATE=7/26")]
    [InlineData("ABG at 1900 ok", "", "")]
    [InlineData("psych review 3/14.", "DATE=3/14", "")]
    public void Note_dates_include_years_and_leave_out_settings(string text, string first, string second) =>
        Assert.Equal(Expected(first).Concat(Expected(second)), Found(text));

    [Theory]
    [InlineData("SEEN BY DR'S LIPPER AND LANDER", "PERSON=LIPPER|PERSON=LANDER")]
    [InlineData("Sons Oskar, Karen and Mary in to visit", "PERSON=Oskar|PERSON=Karen|PERSON=Mary")]
    [InlineData("Son, Ed, was updated", "PERSON=Ed")]
    [InlineData("ELENA VOSK (DAUGHTER) CALLED", "PERSON=ELENA VOSK")]
    [InlineData("nsg (j. o'neill) counted", "PERSON=j. o'neill")]
    [InlineData("ORDERED BY J LIPPER", "PERSON=J LIPPER")]
    [InlineData("then Brown phoned", "PERSON=Brown")]
    [InlineData("NP Brown aware", "PERSON=Brown")]
    [InlineData("MARY LINDQVIST CALLED", "PERSON=MARY LINDQVIST")]
    [InlineData("DR LIPPER SAW PT. LIPPER TO CALL BACK", "PERSON=LIPPER|PERSON=LIPPER")]
    [InlineData("PT FROM KEELEY HOUSE, BACK TO KEELEY TOMORROW", "LOCATION=KEELEY HOUSE|LOCATION=KEELEY")]
    [InlineData("SEEN AT KEELEY HOSPTIAL", "LOCATION=KEELEY HOSPTIAL")]
    [InlineData("back to lindell4 tonight", "LOCATION=lindell4")]
    [InlineData("cultures drawn on the 14th.", "DATE=14th")]
    [InlineData("weaned on the 2nd attempt", "")]
    [InlineData("HR in the 70s, MI in the 1980s", "DATE=1980s")]
    [InlineData("labs on3/12/84 ok, s/p fx6/95", "DATE=3/12/84|DATE=6/95")]
    [InlineData("d/c at 0715 2/30", "DATE=2/30")]
    [InlineData("seen 4/17.86 by", "DATE=4/17.86")]
    [InlineData("back to OR on 5-6 for repair", "DATE=5-6")]
    [InlineData("admitted in oct. to rehab", "DATE=oct")]
    [InlineData("CABG, MI 1987.\nI/O 1980 cc", "DATE=1987")]
    [InlineData("96 yo gentleman, wife 78 yo", "AGE=96")]
    [InlineData("son (301555-0134) or (301 555 01345)", "US_PHONE=301555-0134|US_PHONE=301 555 01345")]
    [InlineData("call 301 555 0134 x27.", "US_PHONE=301 555 0134 x27")]
    public void Note_rules_find_lists_of_names_repeats_and_more_date_and_phone_shapes(string text, string expected) =>
        Assert.Equal(expected.Length == 0 ? [] : expected.Split('|'), Found(text));

    [Fact]
    public void The_default_options_report_no_place_and_no_surname_alone()
    {
        var results = new List<PhiMatch>();
        new PhiRecogniser(ListVocabulary.Value, RecogniserOptions.Default).Scan("SEEN BY DEGIORGIO IN TOWSON. lives in towson", results);
        Assert.Empty(results);
    }

    private static IEnumerable<string> Expected(string value) => value.Length == 0 ? [] : [value];

    private static List<string> Found(string text)
    {
        var results = new List<PhiMatch>();
        new PhiRecogniser(ListVocabulary.Value, RecogniserOptions.UsClinicalNotes).Scan(text, results);
        return [.. results.Select(m => $"{m.Type}={text.Substring(m.Start, m.Length)}")];
    }

    private static PhiVocabulary Build()
    {
        using var folder = new TempFolder();
        var lists = new[]
        {
            new PhiWordList(PhiWordListKind.FirstNames, folder.Write("first.txt", "# first names\nROBERT\nKAREN\n\nMARY\n")),
            new PhiWordList(PhiWordListKind.LastNames, folder.Write("last.txt", "DEGIORGIO\nLANDER\nLIPPER\nMAROTTA\nBROWN\n")),
            new PhiWordList(PhiWordListKind.AmbiguousNames, folder.Write("ambiguous.txt", "WILL\nBROWN\nHOPE\n")),
            new PhiWordList(PhiWordListKind.Places, folder.Write("places.txt", "Towson\nBel Air\nComfort\n")),
            new PhiWordList(PhiWordListKind.AmbiguousPlaces, folder.Write("ambiguous-places.txt", "Hope\n")),
            new PhiWordList(PhiWordListKind.Hospitals, folder.Write("hospitals.txt", "QUARTERMAIN\n")),
        };
        var problems = new List<string>();
        var vocabulary = PhiVocabulary.Load(null, lists, problems.Add);
        Assert.Empty(problems);
        return vocabulary;
    }
}
