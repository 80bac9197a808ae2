namespace Vigil.Discovery.Recognition;

/// <summary>Picks the medicine names people write from NHSBSA BNF substance and product names.</summary>
internal static class MedicationTerms
{
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "sodium", "potassium", "calcium", "magnesium", "oxygen", "water", "glucose", "alcohol", "vitamin", "vitamins",
        "iron", "zinc", "liquid", "paraffin", "cream", "other", "preparations", "compound", "proprietary", "ointment",
        "lotion", "tablets", "capsules", "solution", "powder", "gel", "spray", "drops", "emollient", "bath", "oil",
        "soap", "simple", "active", "balance", "comfort", "nature", "natural", "plus", "forte", "junior", "infant",
        "children", "adult", "original", "classic", "advance", "control", "relief", "clear", "care", "boots",
        "lloyds", "superdrug", "numark", "galpharm", "generic", "honey", "lemon", "menthol", "charcoal", "salt",
        "sugar", "starch", "lactose", "gluten", "protein", "energy", "fibre", "fiber", "milk", "formula", "feed",
        "insulin", "hydrocortisone", "acid", "aqueous", "emulsifying", "white", "yellow", "soft", "hard", "mobile",
        "android", "freeda", "gentle", "system", "complete", "maximum", "strength", "regular", "standard", "express",
    };

    /// <summary>
    /// A chemical substance name cut at its first bracket, and its first word alone when that is distinctive
    /// ("metformin" from "Metformin Hydrochloride"); nothing when too generic.
    /// </summary>
    public static IEnumerable<string> From(string substance)
    {
        var name = Cut(substance);
        var words = VocabularyBuilder.SplitWords(name);
        if (words.Count == 0 || (words.Count == 1 && (Generic.Contains(words[0]) || name.Length < 5)))
        {
            yield break;
        }

        yield return name;
        if (words.Count > 1 && words[0].Length >= 6 && !Generic.Contains(words[0]) && CharClass.IsLetter(words[0][0]))
        {
            yield return words[0];
        }
    }

    /// <summary>A product (brand) name when it is one distinctive word; multi-word product names are too noisy.</summary>
    public static string? FromProduct(string product)
    {
        var name = Cut(product);
        var words = VocabularyBuilder.SplitWords(name);
        return words.Count == 1 && name.Length >= 6 && !Generic.Contains(name) ? name : null;
    }

    private static string Cut(string s)
    {
        var at = s.IndexOfAny(['(', '[', ',', '&']);
        return (at > 0 ? s[..at] : s).Trim().ToLowerInvariant();
    }
}
