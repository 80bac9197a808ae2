namespace Vigil.Discovery.Recognition;

/// <summary>Derives the phrases people write from ICD-10 titles ("Essential (primary) hypertension" → "essential hypertension").</summary>
internal static class ConditionTerms
{
    private static readonly string[] CutMarkers =
    [
        ",", "(", "[", ";", " without ", " with ", " due to ", " not elsewhere", " unspecified", " nos", " of unspecified",
        " in diseases", " complicating", " following", " associated with",
    ];

    private static readonly string[] SkipStarts =
    [
        "other", "unspecified", "personal", "family", "encounter", "contact", "exposure", "problems", "abnormal",
        "findings", "injury", "poisoning", "sequelae", "presence", "status", "long term", "history", "screening",
        "observation", "certain", "complication", "disorders of", "diseases of", "malignant neoplasm of other",
    ];

    private static readonly string[] MedicalSuffixes =
    [
        "itis", "osis", "aemia", "emia", "oma", "pathy", "ism", "algia", "plegia", "trophy", "ectomy", "cele",
        "rrhoea", "rrhea", "phobia", "mania", "sclerosis",
    ];

    public static IEnumerable<(string Text, PhraseKind Kind)> FromIcdTitle(string title)
    {
        var lower = title.ToLowerInvariant().Trim();
        var cut = lower;
        foreach (var marker in CutMarkers)
        {
            var at = cut.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                cut = cut[..at];
            }
        }

        var withoutParens = RemoveParenthesised(lower);
        foreach (var candidate in new[] { cut.Trim(), withoutParens })
        {
            if (Classify(candidate) is { } kind)
            {
                yield return (candidate, kind);
            }
        }
    }

    private static PhraseKind? Classify(string term)
    {
        if (term.Length < 4 || term.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var skip in SkipStarts)
        {
            if (term.StartsWith(skip, StringComparison.Ordinal))
            {
                return null;
            }
        }

        var words = VocabularyBuilder.SplitWords(term);
        if (words.Count is 0 or > 6)
        {
            return null;
        }

        if (words.Count > 1)
        {
            return PhraseKind.Condition;
        }

        foreach (var suffix in MedicalSuffixes)
        {
            if (term.EndsWith(suffix, StringComparison.Ordinal) && term.Length >= 7)
            {
                return PhraseKind.Condition;
            }
        }

        return PhraseKind.ConditionNeedsContext;
    }

    private static string RemoveParenthesised(string s)
    {
        var open = s.IndexOf('(', StringComparison.Ordinal);
        var close = s.IndexOf(')', StringComparison.Ordinal);
        return open >= 0 && close > open
            ? string.Join(' ', (s[..open] + s[(close + 1)..]).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : string.Empty;
    }
}
