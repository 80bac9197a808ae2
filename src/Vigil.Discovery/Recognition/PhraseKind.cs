namespace Vigil.Discovery.Recognition;

/// <summary>What a complete dictionary phrase names.</summary>
internal enum PhraseKind : byte
{
    /// <summary>Not the end of a phrase.</summary>
    None,

    /// <summary>A condition from ICD-10 titles or the built-in list.</summary>
    Condition,

    /// <summary>A single-word condition that needs a medical context word nearby.</summary>
    ConditionNeedsContext,

    /// <summary>A BNF chemical substance.</summary>
    Medication,

    /// <summary>A one-word BNF product (brand) name: counts only when written with a capital (Glucophage).</summary>
    Brand,

    /// <summary>A town, county, state or country from a user-supplied list.</summary>
    Place,

    /// <summary>A place name that is also an ordinary word: a place only after "in", "from", "at"...</summary>
    AmbiguousPlace,

    /// <summary>A hospital, ward, clinic or care home from a user-supplied list.</summary>
    Hospital,
}
