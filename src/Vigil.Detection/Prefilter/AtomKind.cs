namespace Vigil.Detection.Prefilter;

/// <summary>Where in a value a prefilter literal must stand; the anchored kinds are checked without a full scan.</summary>
internal enum AtomKind
{
    /// <summary>Anywhere in the value (an Aho-Corasick scan).</summary>
    Substring,

    /// <summary>At the start of the value (a walk from the first character).</summary>
    Prefix,

    /// <summary>At the end of the value (a walk back from the last character).</summary>
    Suffix,

    /// <summary>The whole value (one hash lookup).</summary>
    Whole,
}
