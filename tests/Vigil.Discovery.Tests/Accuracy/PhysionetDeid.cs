using System.Text.RegularExpressions;
using Vigil.Discovery.Recognition;

namespace Vigil.Discovery.Tests.Accuracy;

/// <summary>The PhysioNet deid notes (GPL test fixture, read in place) and their gold PHI grouped as the issue scores them.</summary>
internal sealed partial class PhysionetDeid
{
    private static readonly Lazy<PhysionetDeid> Shared = new(() => new PhysionetDeid());

    /// <summary>
    /// The deid package's dictionaries (read in place, never copied) mapped to Vigil's word-list kinds, as a user
    /// would point <c>--word-list</c> at their own lists. <c>pid_patientname.txt</c> (the corpus's own patient
    /// names) is left out: it would name the answers; so are US states and countries, which HIPAA's Safe Harbor
    /// does not count as identifying (the gold does not mark them).
    /// </summary>
    private static readonly (PhiWordListKind Kind, string File)[] DeidLists =
    [
        (PhiWordListKind.FirstNames, "female_names_unambig.txt"),
        (PhiWordListKind.FirstNames, "male_names_unambig.txt"),
        (PhiWordListKind.FirstNames, "female_names_popular.txt"),
        (PhiWordListKind.FirstNames, "male_names_popular.txt"),
        (PhiWordListKind.FirstNames, "doctor_first_names.txt"),
        (PhiWordListKind.LastNames, "last_names_unambig.txt"),
        (PhiWordListKind.LastNames, "last_names_popular.txt"),
        (PhiWordListKind.LastNames, "doctor_last_names.txt"),
        (PhiWordListKind.AmbiguousNames, "female_names_ambig.txt"),
        (PhiWordListKind.AmbiguousNames, "male_names_ambig.txt"),
        (PhiWordListKind.AmbiguousNames, "last_names_ambig.txt"),
        (PhiWordListKind.Places, "locations_unambig.txt"),
        (PhiWordListKind.Places, "local_places_unambig.txt"),
        (PhiWordListKind.AmbiguousPlaces, "locations_ambig.txt"),
        (PhiWordListKind.AmbiguousPlaces, "local_places_ambig.txt"),
        (PhiWordListKind.Hospitals, "stripped_hospitals.txt"),
    ];

    private static readonly Lazy<PhiVocabulary> SharedListVocabulary = new(() =>
        PhiVocabulary.Load(PhiData.Folder, [.. WordLists], static p => Assert.Fail(p)));

    private PhysionetDeid()
    {
        var text = File.ReadAllText(PhiData.DataFile("physionet-deid/id.text"));
        var index = new Dictionary<(int Patient, int Note), int>();
        foreach (Match m in RecordPattern().Matches(text))
        {
            index[(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))] = Notes.Count;
            var note = m.Groups[3].Value;
            Patients.Add(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            Notes.Add(note.StartsWith('\n') ? note[1..] : note); // offsets in id-phi.phrase count from after this newline
        }

        foreach (var line in File.ReadLines(PhiData.DataFile("physionet-deid/id-phi.phrase")))
        {
            var f = line.Split(' ', 6);
            if (f.Length != 6)
            {
                continue;
            }

            var doc = index[(int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture))];
            var span = new LabelledSpan(Group(f[4]) ?? "other", doc, int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture));
            AllGold.Add(span);
            if (span.Type != "other")
            {
                Gold.Add(span);
            }
        }
    }

    public static PhysionetDeid Instance => Shared.Value;

    /// <summary>The deid dictionaries as <see cref="PhiWordList"/>s (paths into shared/data, read in place).</summary>
    public static IEnumerable<PhiWordList> WordLists =>
        DeidLists.Select(static l => new PhiWordList(l.Kind, PhiData.DataFile("physionet-deid/lists/" + l.File)));

    /// <summary>Shared vocabulary plus the deid dictionaries.</summary>
    public static PhiVocabulary ListVocabulary => SharedListVocabulary.Value;

    public List<string> Notes { get; } = [];

    /// <summary>The patient number of each note (same index as <see cref="Notes"/>).</summary>
    public List<int> Patients { get; } = [];

    /// <summary>Gold spans of the four scored groups: names, dates, phones, locations.</summary>
    public List<LabelledSpan> Gold { get; } = [];

    /// <summary>Every gold PHI span (1,779), Age and Other included (type "other"): what deid's own scorer counts.</summary>
    public List<LabelledSpan> AllGold { get; } = [];

    /// <summary>The scored group of a deid category; null for Age and Other (not scored).</summary>
    public static string? Group(string category) => category switch
    {
        "HCPName" or "RelativeProxyName" or "PTName" or "PTNameInitial" => "names",
        "Date" or "DateYear" => "dates",
        "Phone" => "phones",
        "Location" => "locations",
        _ => null,
    };

    /// <summary>The group a Vigil type is scored in.</summary>
    public static string? GroupOf(string type) => type switch
    {
        "PERSON" => "names",
        "DATE" or "DATE_OF_BIRTH" => "dates",
        "UK_PHONE" or "US_PHONE" => "phones",
        "ADDRESS" or "UK_POSTCODE" or "LOCATION" => "locations",
        _ => null,
    };

    [GeneratedRegex(@"START_OF_RECORD=(\d+)\|\|\|\|(\d+)\|\|\|\|(.*?)\|\|\|\|END_OF_RECORD", RegexOptions.Singleline)]
    private static partial Regex RecordPattern();
}
