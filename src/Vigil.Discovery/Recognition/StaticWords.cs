using System.Collections.Frozen;

namespace Vigil.Discovery.Recognition;

/// <summary>Built-in context words: part of the code, not of any third-party list.</summary>
internal static class StaticWords
{
    public static readonly string[] PersonTriggers =
    [
        "dear", "name", "kin", "regards", "wishes", "sincerely", "faithfully", "cheers", "thanks", "signed",
        "attn", "fao", "nok",
    ];

    /// <summary>Words often but not always followed by a name ("patient Oliver Smith" vs "patient remains stable").</summary>
    public static readonly string[] WeakPersonTriggers =
    [
        "patient", "pt", "husband", "wife", "son", "daughter", "mother", "father", "brother", "sister", "carer",
        "partner", "consultant", "gp", "referrer", "friend", "niece", "nephew", "granddaughter", "grandson",
        "called", "named",
    ];

    public static readonly string[] Titles =
    [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "rev", "nurse",
    ];

    /// <summary>Credentials written after a staff name in clinical notes ("J. Smith, RN").</summary>
    public static readonly string[] Credentials =
    [
        "rn", "rrt", "np", "pa", "md", "lpn", "cna", "msw", "lcsw", "pharmd", "rph", "crnp", "slp",
    ];

    /// <summary>Words after a hospital's or home's own name ("Calvert Hospital", "Keeley House", "Mazur campus").</summary>
    public static readonly string[] HospitalSuffixes =
    [
        "hospital", "hosp", "campus", "house", "rehab", "regional", "memorial", "infirmary", "vamc", "va", "nh",
        "building", "hospice", "manor",
    ];

    /// <summary>Words that never name a place before a hospital suffix ("his house", "to rehab").</summary>
    public static readonly string[] PlaceStopWords =
    [
        "his", "her", "their", "my", "our", "your", "a", "an", "the", "to", "from", "at", "in", "of", "on", "this",
        "that", "same", "own", "other", "another", "outside", "local", "state", "community", "county", "city",
        "private", "nursing", "general", "pulmonary", "cardiac", "acute", "inpatient", "outpatient", "home", "rehab",
        "and", "or", "with", "w", "for", "by", "into", "back", "old", "new", "any", "re", "per", "she", "he", "they",
        "begin", "start", "cont", "continue", "need", "needs", "require", "requires", "leave", "left", "possible",
        "poss", "prev", "previous", "basic", "resides", "lives", "went", "go", "going", "will", "card", "diet",
        "discharge", "dc", "d/c", "transfer", "screening", "placement", "officer", "staff", "is", "was", "be",
    ];

    /// <summary><see cref="PlaceStopWords"/> for span look-ups.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceStops =
        PlaceStopWords.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly string[] StreetSuffixes =
    [
        "road", "rd", "street", "lane", "avenue", "ave", "close", "drive", "crescent", "gardens", "terrace",
        "grove", "square", "mews", "parade", "route", "rue", "chemin", "estate", "boulevard",
    ];

    public static readonly string[] WeakStreetSuffixes =
    [
        "place", "way", "court", "row", "walk", "rise", "hill", "park", "green", "view", "wood", "fields", "vale",
    ];

    public static readonly string[] NotNames =
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed",
        "thu", "fri", "sat", "sun", "the", "this", "that", "these", "please", "thanks", "thank", "hospital",
        "clinic", "surgery", "practice", "medical", "centre", "center", "health", "nhs", "unit", "team",
        "patient", "update", "admin", "meeting", "report", "royal", "general", "university", "county",
        "district", "council", "trust", "board", "service", "services", "department", "dept", "house", "road",
        "street", "lane", "avenue", "close", "drive", "crescent", "gardens", "terrace", "grove", "square",
        "mews", "route", "rue", "christmas", "easter", "bank", "holiday", "new", "year", "best", "kind",
        "warm", "many", "subject", "from", "to", "cc", "date", "sent", "dear", "hi", "hello", "all", "yours",
        "regards", "via", "on", "at", "in", "for", "and", "or", "of", "with", "island", "port", "church",
        "high", "station", "mill", "saint", "st", "mount",
        "address", "tel", "email", "mobile", "phone", "diagnosis", "dob", "chi", "nino", "colleague", "colleagues",
        "madam", "friends", "customer", "parent", "parents", "doctor", "team", "everyone", "manager", "helpdesk",
    ];

    public static readonly string[] Particles =
    [
        "le", "la", "de", "du", "des", "van", "von", "der", "den", "da", "di", "del", "dos", "mac", "st", "bin",
        "ben", "al", "el", "ap",
    ];

    public static readonly string[] PlacePrefixes = ["st", "saint", "mount", "port", "fort", "lake", "cape"];

    public static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ];

    /// <summary>Common conditions as written in letters, which ICD-10 titles spell differently.</summary>
    public static readonly string[] CommonConditions =
    [
        "diabetes", "type 1 diabetes", "type 2 diabetes", "hypertension", "asthma", "copd", "cancer",
        "hiv", "aids", "dementia", "depression", "anxiety", "epilepsy", "schizophrenia", "bipolar disorder",
        "stroke", "heart failure", "atrial fibrillation", "hepatitis b", "hepatitis c", "tuberculosis",
        "multiple sclerosis", "parkinson's disease", "alzheimer's disease", "psychosis", "anorexia",
        "alcohol dependence", "substance misuse", "hypothyroidism", "hyperthyroidism", "osteoarthritis",
        "rheumatoid arthritis", "chronic kidney disease", "ckd", "angina", "myocardial infarction",
        "breast cancer", "prostate cancer", "lung cancer", "bowel cancer", "leukaemia", "lymphoma",
        "depressive episode", "generalised anxiety disorder", "eating disorder", "autism", "adhd",
        "learning disability", "self harm", "overdose", "pregnancy", "miscarriage", "termination of pregnancy",
    ];

    /// <summary>Words that mark nearby single-word conditions as medical.</summary>
    public static readonly KeywordSet MedicalContext = new(
        "diagnos", "history", "hx", "pmh", "suffer", "known", "condition", "treat", "presents", "presented",
        "dx", "admitted", "referral", "referred", "medication", "problem", "symptom", "c/o", "complain");

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> TriggerEvidenceByWord =
        PersonTriggers.Concat(WeakPersonTriggers).Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(static w => w, static w => "context:" + w, StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"context:" and the trigger word in lower case, without allocating per match.</summary>
    public static string TriggerEvidence(ReadOnlySpan<char> word) =>
        TriggerEvidenceByWord.TryGetValue(word, out var evidence) ? evidence : "context:" + word.ToString().ToLowerInvariant();

    public static void AddTo(VocabularyBuilder builder)
    {
        foreach (var w in PersonTriggers)
        {
            builder.AddFlags(w, WordFlags.PersonTrigger);
        }

        foreach (var w in WeakPersonTriggers)
        {
            builder.AddFlags(w, WordFlags.PersonTrigger | WordFlags.WeakTrigger);
        }

        foreach (var w in Titles)
        {
            builder.AddFlags(w, WordFlags.Title | WordFlags.NotName);
        }

        foreach (var w in Credentials)
        {
            builder.AddFlags(w, WordFlags.Credential);
        }

        foreach (var w in HospitalSuffixes)
        {
            builder.AddFlags(w, WordFlags.HospitalSuffix);
        }

        foreach (var w in StreetSuffixes)
        {
            builder.AddFlags(w, WordFlags.StreetSuffix);
        }

        foreach (var w in WeakStreetSuffixes)
        {
            builder.AddFlags(w, WordFlags.WeakStreetSuffix);
        }

        foreach (var w in NotNames)
        {
            builder.AddFlags(w, WordFlags.NotName);
        }

        foreach (var w in Particles)
        {
            builder.AddFlags(w, WordFlags.Particle);
        }

        foreach (var w in PlacePrefixes)
        {
            builder.AddFlags(w, WordFlags.PlacePrefix);
        }

        for (var m = 0; m < Months.Length; m++)
        {
            builder.AddFlags(Months[m], WordFlags.Month | WordFlags.NotName, m + 1);
            builder.AddFlags(Months[m][..3], WordFlags.Month | WordFlags.NotName, m + 1);
        }

        builder.AddFlags("sept", WordFlags.Month | WordFlags.NotName, 9);
        foreach (var c in CommonConditions)
        {
            builder.AddPhrase(c, PhraseKind.Condition);
        }
    }
}
