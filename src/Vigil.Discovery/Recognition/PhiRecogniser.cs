namespace Vigil.Discovery.Recognition;

/// <summary>
/// Finds personal and health data in text in one pass: a hand-written tokenizer feeds digit runs to the checksum
/// and range rules, '@' to the e-mail rule, upper-case tokens to postcode/NINO/ICD-10 rules and words to one
/// dictionary look-up (names, phrases, context words). Immutable after construction: safe to share between threads.
/// </summary>
public sealed class PhiRecogniser
{
    private readonly PhiVocabulary _vocabulary;
    private readonly RecogniserOptions _options;

    /// <summary>Creates a recogniser over a vocabulary.</summary>
    /// <param name="vocabulary">Word lists (use <see cref="PhiVocabulary.Empty"/> for identifiers only).</param>
    /// <param name="options">What to look for.</param>
    public PhiRecogniser(PhiVocabulary vocabulary, RecogniserOptions options)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(options);
        _vocabulary = vocabulary;
        _options = options;
    }

    /// <summary>Appends every match in <paramref name="text"/> to <paramref name="results"/>, in text order.</summary>
    /// <param name="text">The text to scan (any length; headers and bodies alike).</param>
    /// <param name="results">Receives the matches; not cleared.</param>
    public void Scan(string text, List<PhiMatch> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);
        new PhiScan(text, _vocabulary, _options, results).Run();
    }
}
