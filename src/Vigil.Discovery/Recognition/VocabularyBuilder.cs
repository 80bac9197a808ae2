namespace Vigil.Discovery.Recognition;

/// <summary>Collects words and phrases, then freezes them into a <see cref="PhiVocabulary"/>.</summary>
internal sealed class VocabularyBuilder
{
    private readonly Dictionary<string, WordInfo> _words = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, int> _next = [];
    private readonly List<PhraseKind> _terminal = [PhraseKind.None];
    private readonly HashSet<string> _icdCodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _listedFirstNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, int> _placeNext = [];
    private readonly List<PhraseKind> _placeTerminal = [PhraseKind.None];

    public VocabularyBuilder()
    {
        StaticWords.AddTo(this);
    }

    /// <summary>Number of phrases added.</summary>
    public int PhraseCount { get; private set; }

    public int FirstNameCount { get; private set; }

    /// <summary>Names added from user-supplied lists.</summary>
    public int ListedNameCount { get; private set; }

    /// <summary>Places and hospitals added from user-supplied lists.</summary>
    public int PlaceCount { get; private set; }

    public void AddFlags(string word, WordFlags flags, int month = 0)
    {
        var info = GetOrAdd(word);
        _words[word] = info with { Flags = info.Flags | flags, Month = month != 0 ? month : info.Month };
        if ((flags & WordFlags.FirstName) != 0 && (info.Flags & WordFlags.FirstName) == 0)
        {
            FirstNameCount++;
        }
    }

    /// <summary>A one-word entry of a user-supplied name list; multi-word entries are skipped.</summary>
    public void AddListedName(string entry, PhiWordListKind kind)
    {
        var words = SplitWords(entry);
        if (words.Count != 1 || words[0].Length < 2 || !CharClass.IsLetter(words[0][0]))
        {
            return;
        }

        var flags = kind switch
        {
            PhiWordListKind.FirstNames => WordFlags.FirstName | WordFlags.ListedName,
            PhiWordListKind.LastNames => WordFlags.LastName | WordFlags.ListedName,
            _ => WordFlags.AmbiguousName,
        };
        AddFlags(words[0], flags);
        if (kind == PhiWordListKind.FirstNames)
        {
            _listedFirstNames.Add(words[0]);
        }

        ListedNameCount++;
    }

    /// <summary>An entry of a user-supplied place or hospital list, added to the place trie.</summary>
    public void AddPlace(string entry, PhraseKind kind)
    {
        var words = SplitWords(entry);
        if (words.Count == 0 || !CharClass.IsLetter(words[0][0]) || (words.Count == 1 && words[0].Length < 2))
        {
            return;
        }

        var node = AddPath(_placeNext, _placeTerminal, words);
        AddFlags(words[0], WordFlags.PlaceStart);
        // An entry that is on an ordinary list and an ambiguous one stays ambiguous; hospitals win over places.
        _placeTerminal[node] = (_placeTerminal[node], kind) switch
        {
            (PhraseKind.None, _) => kind,
            (_, PhraseKind.Hospital) or (PhraseKind.Hospital, _) => PhraseKind.Hospital,
            _ => PhraseKind.AmbiguousPlace,
        };
        PlaceCount++;
    }

    public void AddIcdCode(string codeWithoutDot) => _icdCodes.Add(codeWithoutDot.ToUpperInvariant());

    /// <summary>Adds a phrase split into words on any character that is not a letter or digit.</summary>
    public void AddPhrase(string phrase, PhraseKind kind)
    {
        var words = SplitWords(phrase);
        if (words.Count == 0 || !CharClass.IsLetter(words[0][0]))
        {
            return;
        }

        var node = AddPath(_next, _terminal, words);
        AddFlags(words[0], WordFlags.PhraseStart);
        if (_terminal[node] is PhraseKind.None or PhraseKind.Brand || kind == PhraseKind.Condition)
        {
            _terminal[node] = kind;
        }

        PhraseCount++;
    }

    public PhiVocabulary Build()
    {
        // An ambiguous word stays ambiguous (Brown, White: surnames and colours) unless a first-name list holds it
        // (David: a first name that is also a surname).
        foreach (var (word, info) in _words.Where(static w => (w.Value.Flags & WordFlags.AmbiguousName) != 0).ToList())
        {
            _words[word] = info with
            {
                Flags = _listedFirstNames.Contains(word) ? info.Flags & ~WordFlags.AmbiguousName : info.Flags & ~WordFlags.ListedName,
            };
        }

        return new(_words, new PhraseTrie(_next, _terminal), new PhraseTrie(_placeNext, _placeTerminal), _icdCodes, this);
    }

    public static List<string> SplitWords(string phrase)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= phrase.Length; i++)
        {
            var alnum = i < phrase.Length && CharClass.IsAlnum(phrase[i]);
            if (alnum && start < 0)
            {
                start = i;
            }
            else if (!alnum && start >= 0)
            {
                words.Add(phrase[start..i]);
                start = -1;
            }
        }

        return words;
    }

    private int AddPath(Dictionary<long, int> next, List<PhraseKind> terminal, List<string> words)
    {
        var node = 0;
        foreach (var word in words)
        {
            var key = PhraseTrie.Key(node, GetOrAdd(word).Id);
            if (!next.TryGetValue(key, out var child))
            {
                child = terminal.Count;
                terminal.Add(PhraseKind.None);
                next[key] = child;
            }

            node = child;
        }

        return node;
    }

    private WordInfo GetOrAdd(string word)
    {
        if (!_words.TryGetValue(word, out var info))
        {
            info = new WordInfo(WordFlags.None, _words.Count, 0);
            _words[word] = info;
        }

        return info;
    }
}
