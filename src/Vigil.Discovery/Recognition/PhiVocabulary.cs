using System.Collections.Frozen;

namespace Vigil.Discovery.Recognition;

/// <summary>
/// Word lists the recognisers use: ONS first names, ICD-10 codes and titles, NHSBSA BNF medicines, plus Vigil's
/// built-in context words. Third-party lists are read from a folder at run time and never shipped.
/// </summary>
public sealed class PhiVocabulary
{
    private readonly FrozenDictionary<string, WordInfo> _words;
    private readonly FrozenSet<string> _icdCodes;

    internal PhiVocabulary(
        Dictionary<string, WordInfo> words, PhraseTrie phrases, HashSet<string> icdCodes, int firstNames, int phraseCount)
    {
        _words = words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Words = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _icdCodes = icdCodes.ToFrozenSet(StringComparer.Ordinal);
        IcdCodes = _icdCodes.GetAlternateLookup<ReadOnlySpan<char>>();
        Phrases = phrases;
        FirstNameCount = firstNames;
        PhraseCount = phraseCount;
    }

    /// <summary>Only the built-in context words: no names, codes or medicines (structured identifiers still work).</summary>
    public static PhiVocabulary Empty { get; } = new VocabularyBuilder().Build();

    /// <summary>Number of first names loaded.</summary>
    public int FirstNameCount { get; }

    /// <summary>Number of ICD-10 codes loaded.</summary>
    public int IcdCodeCount => _icdCodes.Count;

    /// <summary>Number of condition and medication phrases (built-in ones included).</summary>
    public int PhraseCount { get; }

    internal FrozenDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> Words { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> IcdCodes { get; }

    internal PhraseTrie Phrases { get; }

    /// <summary>
    /// Loads the lists from a folder laid out like <c>shared/data/phi</c>: <c>ons-names/*.csv</c>,
    /// <c>icd10cm/*.csv</c>, <c>nhsbsa-bnf/*_ch01-15.csv</c>. A missing folder or unreadable row is reported
    /// through <paramref name="reportProblem"/> (file and reason, never a value) and skipped.
    /// </summary>
    /// <param name="phiDataFolder">The folder holding the lists.</param>
    /// <param name="reportProblem">Receives one line per problem; may be null.</param>
    /// <returns>The vocabulary; built-in words only when nothing could be read.</returns>
    public static PhiVocabulary Load(string phiDataFolder, Action<string>? reportProblem = null)
    {
        ArgumentNullException.ThrowIfNull(phiDataFolder);
        var report = reportProblem ?? (_ => { });
        var builder = new VocabularyBuilder();
        if (!Directory.Exists(phiDataFolder))
        {
            report($"vocabulary folder not found: {phiDataFolder}");
            return builder.Build();
        }

        VocabularyLoader.LoadFirstNames(builder, Path.Combine(phiDataFolder, "ons-names"), report);
        VocabularyLoader.LoadIcd10(builder, Path.Combine(phiDataFolder, "icd10cm"), report);
        VocabularyLoader.LoadBnf(builder, Path.Combine(phiDataFolder, "nhsbsa-bnf"), report);
        return builder.Build();
    }
}
