namespace Vigil.Discovery.Recognition;

/// <summary>One scan of one text: the tokenizer loop and its small amount of state (person context, header skip).</summary>
internal sealed partial class PhiScan
{
    private readonly string _text;
    private readonly PhiVocabulary _vocabulary;
    private readonly RecogniserOptions _options;
    private readonly List<PhiMatch> _results;

    /// <summary>Where a name must start to count as introduced by a trigger word; -1 when none.</summary>
    private int _personAt = -1;
    private string _personEvidence = string.Empty;

    /// <summary>The trigger was written in capitals (DR SMITH): names in capitals count.</summary>
    private bool _personUpper;

    /// <summary>The trigger was weak (patient, wife...): only a known first name counts.</summary>
    private bool _personWeak;

    /// <summary>End of the last condition phrase: an ICD-10 code right after it is in context.</summary>
    private int _lastConditionEnd = -100;

    public PhiScan(string text, PhiVocabulary vocabulary, RecogniserOptions options, List<PhiMatch> results)
    {
        _text = text;
        _vocabulary = vocabulary;
        _options = options;
        _results = results;
    }

    public void Run()
    {
        var first = _results.Count;
        Tokenize();
        if (_options.NoteNames || _options.Places)
        {
            RepeatNamesAndPlaces(first);
        }
    }

    private void Tokenize()
    {
        var s = _text.AsSpan();
        var n = s.Length;
        var i = 0;
        while (i < n)
        {
            var c = s[i];
            if (!CharClass.IsAlnum(c))
            {
                var next = c switch
                {
                    '+' => TryPlusPhone(i),
                    '(' => _options.UsPhones && i + 1 < n && s[i + 1] != '0' ? TryParenUsPhone(i) : TryParenPhone(i),
                    _ => -1,
                };
                i = next > i ? next : i + 1;
                continue;
            }

            var start = i;
            var digits = false;
            var letters = false;
            while (i < n && CharClass.IsAlnum(s[i]))
            {
                if (CharClass.IsDigit(s[i]))
                {
                    digits = true;
                }
                else
                {
                    letters = true;
                }

                i++;
            }

            if (i < n && s[i] is '@' or '.' or '_' or '%' or '+' or '-' or '\'' && LocalPartReachesAt(i))
            {
                var emailEnd = TryEmail(start);
                if (emailEnd > 0)
                {
                    i = emailEnd;
                    continue;
                }
            }

            i = !letters ? OnNumber(start, i) : digits ? OnAlnum(start, i) : OnWord(start, i);
        }
    }

    /// <summary>True when the e-mail local-part characters from <paramref name="pos"/> run up to an '@'.</summary>
    private bool LocalPartReachesAt(int pos)
    {
        var s = _text;
        while (pos < s.Length && s[pos] != '@' && CharClass.IsEmailLocal(s[pos]))
        {
            pos++;
        }

        return pos < s.Length && s[pos] == '@';
    }

    private void Add(string type, int start, int end, double confidence, string evidence)
    {
        if (confidence >= _options.MinimumConfidence)
        {
            _results.Add(new PhiMatch(type, start, end - start, Math.Min(1.0, confidence), evidence));
        }
    }

    private string? Before(int pos, KeywordSet keywords) =>
        ContextWindow.FindBefore(_text, pos, _options.ContextWindow, keywords);

    private static string Ctx(string? keyword) => keyword is null ? string.Empty : "; context:" + keyword;

    private WordInfo Lookup(int start, int end) =>
        _vocabulary.Words.TryGetValue(_text.AsSpan(start, end - start), out var info) ? info : default;

    private int SkipSpaces(int pos, int max)
    {
        var s = _text;
        var stop = Math.Min(s.Length, pos + max);
        while (pos < stop && s[pos] is ' ' or '\t')
        {
            pos++;
        }

        return pos;
    }

    private int DigitRunEnd(int pos)
    {
        var s = _text;
        while (pos < s.Length && CharClass.IsDigit(s[pos]))
        {
            pos++;
        }

        return pos;
    }
}
