namespace Vigil.Discovery.Recognition;

/// <summary>What the entries of a user-supplied word list are (see <see cref="PhiWordList"/>).</summary>
public enum PhiWordListKind
{
    /// <summary>First names that are not ordinary words: a listed word is a name candidate on its own.</summary>
    FirstNames,

    /// <summary>Surnames that are not ordinary words.</summary>
    LastNames,

    /// <summary>
    /// Names that are also ordinary words (Hope, Will, Green): names only after a title or next to another name. A word
    /// that is also on a <see cref="FirstNames"/> list counts as a first name (David); one that is also on a
    /// <see cref="LastNames"/> list stays ambiguous (Brown, White).
    /// </summary>
    AmbiguousNames,

    /// <summary>Towns, cities, counties, states and countries (one or more words per entry).</summary>
    Places,

    /// <summary>Place names that are also ordinary words: places only after "in", "from", "at", "to", "near" or "lives in".</summary>
    AmbiguousPlaces,

    /// <summary>Hospitals, wards, clinics and care homes, with or without "Hospital" (one or more words per entry).</summary>
    Hospitals,
}
