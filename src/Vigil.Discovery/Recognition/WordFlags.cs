namespace Vigil.Discovery.Recognition;

/// <summary>What the scanner knows about a word, from one case-insensitive look-up.</summary>
[Flags]
internal enum WordFlags
{
    /// <summary>Nothing known.</summary>
    None = 0,

    /// <summary>An ONS first name.</summary>
    FirstName = 1,

    /// <summary>First word of a condition or medication phrase.</summary>
    PhraseStart = 2,

    /// <summary>A word after which a name follows: Dear, Patient, Name, kin, regards...</summary>
    PersonTrigger = 4,

    /// <summary>An honorific: Mr, Mrs, Ms, Dr...</summary>
    Title = 8,

    /// <summary>Road, Street, Lane...: ends a street name.</summary>
    StreetSuffix = 16,

    /// <summary>A capitalised word that is not a name (months, weekdays, common sentence starters).</summary>
    NotName = 32,

    /// <summary>A month name or abbreviation (<see cref="WordInfo.Month"/> holds its number).</summary>
    Month = 64,

    /// <summary>A surname particle: Le, De, Van, O...</summary>
    Particle = 128,

    /// <summary>Saint, St, Mount: the next capitalised words are a place.</summary>
    PlacePrefix = 256,

    /// <summary>Patient, wife, son...: introduces a name only with a colon or when the name is a known first name.</summary>
    WeakTrigger = 1024,

    /// <summary>Hill, Green, Park...: ends a street name after a house number, but is also a common surname.</summary>
    WeakStreetSuffix = 512,

    /// <summary>A surname from a user-supplied list.</summary>
    LastName = 2048,

    /// <summary>A name from a user-supplied list that is also an ordinary word: a name only in context.</summary>
    AmbiguousName = 4096,

    /// <summary>A first or last name from a user-supplied list that is not an ordinary word.</summary>
    ListedName = 8192,

    /// <summary>First word of a place or hospital entry from a user-supplied list.</summary>
    PlaceStart = 16384,

    /// <summary>A staff credential written after a name: RN, RRT, NP, PA, MD...</summary>
    Credential = 32768,

    /// <summary>Hospital, campus, rehab, house...: the words before it name a hospital or home.</summary>
    HospitalSuffix = 65536,

    /// <summary>A word of an ICD-10 title (normal, center, pressure): an ordinary word, not a town on its own.</summary>
    MedicalWord = 131072,
}
