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
        Dictionary<string, WordInfo> words, PhraseTrie phrases, PhraseTrie places, HashSet<string> icdCodes, VocabularyBuilder counts)
    {
        _words = words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Words = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _icdCodes = icdCodes.ToFrozenSet(StringComparer.Ordinal);
        IcdCodes = _icdCodes.GetAlternateLookup<ReadOnlySpan<char>>();
        Phrases = phrases;
        Places = places;
        FirstNameCount = counts.FirstNameCount;
        PhraseCount = counts.PhraseCount;
        ListedNameCount = counts.ListedNameCount;
        PlaceCount = counts.PlaceCount;
    }

    /// <summary>Only the built-in context words: no names, codes or medicines (structured identifiers still work).</summary>
    public static PhiVocabulary Empty { get; } = new VocabularyBuilder().Build();

    /// <summary>Number of first names loaded.</summary>
    public int FirstNameCount { get; }

    /// <summary>Number of names read from user-supplied lists (<see cref="PhiWordList"/>).</summary>
    public int ListedNameCount { get; }

    /// <summary>Number of place and hospital entries read from user-supplied lists.</summary>
    public int PlaceCount { get; }

    /// <summary>Number of ICD-10 codes loaded.</summary>
    public int IcdCodeCount => _icdCodes.Count;

    /// <summary>Number of condition and medication phrases (built-in ones included).</summary>
    public int PhraseCount { get; }

    internal FrozenDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> Words { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> IcdCodes { get; }

    internal PhraseTrie Phrases { get; }

    internal PhraseTrie Places { get; }

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
        return Load(phiDataFolder, [], reportProblem);
    }

    /// <summary>
    /// Loads the lists of <see cref="Load(string, Action{string}?)"/> from <paramref name="phiDataFolder"/> (when
    /// given) plus user-supplied name, place and hospital lists (<see cref="PhiWordList"/>). A missing or unreadable
    /// file is reported through <paramref name="reportProblem"/> (path and reason, never an entry) and skipped.
    /// </summary>
    /// <param name="phiDataFolder">The folder holding the ONS, ICD-10 and BNF lists; null for none.</param>
    /// <param name="wordLists">User-supplied lists, read in order.</param>
    /// <param name="reportProblem">Receives one line per problem; may be null.</param>
    /// <returns>The vocabulary.</returns>
    public static PhiVocabulary Load(string? phiDataFolder, IReadOnlyList<PhiWordList> wordLists, Action<string>? reportProblem = null)
    {
        ArgumentNullException.ThrowIfNull(wordLists);
        var report = reportProblem ?? (_ => { });
        var builder = new VocabularyBuilder();
        if (phiDataFolder is not null && !Directory.Exists(phiDataFolder))
        {
            report($"vocabulary folder not found: {phiDataFolder}");
        }
        else if (phiDataFolder is not null)
        {
            VocabularyLoader.LoadFirstNames(builder, Path.Combine(phiDataFolder, "ons-names"), report);
            VocabularyLoader.LoadIcd10(builder, Path.Combine(phiDataFolder, "icd10cm"), report);
            VocabularyLoader.LoadBnf(builder, Path.Combine(phiDataFolder, "nhsbsa-bnf"), report);
        }

        foreach (var list in wordLists)
        {
            VocabularyLoader.LoadWordList(builder, list, report);
        }

        return builder.Build();
    }
}
