namespace Vigil.Discovery.Recognition;

/// <summary>Collects words and phrases, then freezes them into a <see cref="PhiVocabulary"/>.</summary>
internal sealed class VocabularyBuilder
{
    private readonly Dictionary<string, WordInfo> _words = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, int> _next = [];
    private readonly List<PhraseKind> _terminal = [PhraseKind.None];
    private readonly HashSet<string> _icdCodes = new(StringComparer.Ordinal);

    public VocabularyBuilder()
    {
        StaticWords.AddTo(this);
    }

    /// <summary>Number of phrases added.</summary>
    public int PhraseCount { get; private set; }

    public int FirstNameCount { get; private set; }

    public void AddFlags(string word, WordFlags flags, int month = 0)
    {
        var info = GetOrAdd(word);
        _words[word] = info with { Flags = info.Flags | flags, Month = month != 0 ? month : info.Month };
        if ((flags & WordFlags.FirstName) != 0 && (info.Flags & WordFlags.FirstName) == 0)
        {
            FirstNameCount++;
        }
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

        var node = 0;
        foreach (var word in words)
        {
            var id = GetOrAdd(word).Id;
            var key = PhraseTrie.Key(node, id);
            if (!_next.TryGetValue(key, out var child))
            {
                child = _terminal.Count;
                _terminal.Add(PhraseKind.None);
                _next[key] = child;
            }

            node = child;
        }

        AddFlags(words[0], WordFlags.PhraseStart);
        if (_terminal[node] is PhraseKind.None or PhraseKind.Brand || kind == PhraseKind.Condition)
        {
            _terminal[node] = kind;
        }

        PhraseCount++;
    }

    public PhiVocabulary Build() => new(_words, new PhraseTrie(_next, _terminal), _icdCodes, FirstNameCount, PhraseCount);

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
