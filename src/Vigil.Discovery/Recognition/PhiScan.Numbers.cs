namespace Vigil.Discovery.Recognition;

/// <summary>Digit runs: health numbers (mod 11 + range), phones, dates, record numbers, house numbers.</summary>
internal sealed partial class PhiScan
{
    private const int MaxGroups = 5;

    private int OnNumber(int start, int end)
    {
        var s = _text;
        var n = s.Length;
        var len = end - start;
        if (end + 1 < n && (len <= 2 || len == 4))
        {
            var dateEnd = s[end] is '/' or '.' or '-' && CharClass.IsDigit(s[end + 1])
                ? TryNumericDate(start, end)
                : len <= 2 ? TryDayMonthYear(start, end) : -1;
            if (dateEnd > 0)
            {
                return dateEnd;
            }
        }

        if (_options.AllDates && len is 2 or 3 && IsOldAge(start, end))
        {
            Add(PhiTypes.Age, start, end, 0.6, "pattern:age-over-89");
            return end;
        }

        if (_options.UsPhones && len == 6)
        {
            var phoneEnd = TrySixFourPhone(start, end);
            if (phoneEnd > 0)
            {
                return phoneEnd;
            }
        }

        if (_options.AllDates && len is 2 or 4)
        {
            var yearEnd = TryNoteYear(start, end);
            if (yearEnd > 0)
            {
                return yearEnd;
            }
        }

        if (_options.UsPhones && len is >= 3 and <= 5)
        {
            var phoneEnd = TryUsPhone(start, end);
            if (phoneEnd > 0)
            {
                return phoneEnd;
            }
        }

        var glued = start > 0 && s[start - 1] is '-' or '.' or '/' or '£' or '$';
        Span<int> starts = stackalloc int[MaxGroups];
        Span<int> ends = stackalloc int[MaxGroups];
        var groups = CollectGroups(start, end, starts, ends);
        var digits = 0;
        for (var k = 0; k < groups && !glued; k++)
        {
            digits += ends[k] - starts[k];
            if (digits == 10 && IsHealthShape(starts, ends, k) && TryHealthNumber(start, ends[k], starts, ends, k))
            {
                return ends[k];
            }

            if (digits == 11 && s[start] == '0' && k < 4 && TryPhone(start, start, ends[k]))
            {
                return ends[k];
            }

            if (digits > 11)
            {
                break;
            }
        }

        if (len >= 5)
        {
            TryRecordNumber(start, end);
        }
        else if (_options.Addresses)
        {
            return TryAddress(start, end);
        }

        return end;
    }

    /// <summary>Digit groups separated by one space or hyphen ("943 476 5919", "07700 900123").</summary>
    private int CollectGroups(int start, int end, Span<int> starts, Span<int> ends)
    {
        var s = _text;
        starts[0] = start;
        ends[0] = end;
        var g = 1;
        var pos = end;
        while (g < MaxGroups && pos + 1 < s.Length && s[pos] is ' ' or '-' && CharClass.IsDigit(s[pos + 1])
            && (g == 1 || s[pos] == s[starts[1] - 1]))
        {
            var groupEnd = DigitRunEnd(pos + 1);
            if (groupEnd < s.Length && CharClass.IsLetter(s[groupEnd]))
            {
                break;
            }

            starts[g] = pos + 1;
            ends[g] = groupEnd;
            g++;
            pos = groupEnd;
        }

        return g;
    }

    private static bool IsHealthShape(Span<int> starts, Span<int> ends, int last) => last switch
    {
        0 => true,
        2 => ends[0] - starts[0] == 3 && ends[1] - starts[1] == 3 && ends[2] - starts[2] == 4,
        _ => false,
    };

    private bool TryHealthNumber(int start, int end, Span<int> starts, Span<int> ends, int last)
    {
        Span<char> d = stackalloc char[10];
        var at = 0;
        for (var k = 0; k <= last; k++)
        {
            _text.AsSpan(starts[k], ends[k] - starts[k]).CopyTo(d[at..]);
            at += ends[k] - starts[k];
        }

        if (!Checksums.Modulus11(d))
        {
            return false;
        }

        var nhs = Before(start, ContextWords.Nhs);
        var (type, confidence, range, context) = Checksums.Classify(d) switch
        {
            HealthNumberKind.Nhs => (PhiTypes.UkNhs, 0.75, "nhs", nhs),
            HealthNumberKind.NhsTest => (PhiTypes.UkNhs, 0.5, "nhs-test", nhs),
            HealthNumberKind.Chi => Before(start, ContextWords.Chi) is { } chi ? (PhiTypes.ScotChi, 0.75, "chi-date", chi)
                : nhs is not null ? (PhiTypes.UkNhs, 0.6, "chi-date", nhs) : (PhiTypes.ScotChi, 0.7, "chi-date", null),
            HealthNumberKind.NorthernIreland => Before(start, ContextWords.HealthAndCare) is { } hc
                ? (PhiTypes.NiHc, 0.75, "ni-hc", hc)
                : nhs is not null ? (PhiTypes.UkNhs, 0.6, "ni-hc", nhs) : (PhiTypes.NiHc, 0.7, "ni-hc", null),
            _ => (PhiTypes.UkNhs, nhs is null ? 0.3 : 0.5, "unallocated", nhs),
        };
        if (context is not null)
        {
            confidence += 0.2;
        }

        Add(type, start, end, confidence, "checksum:mod11; range:" + range + Ctx(context));
        return confidence >= _options.MinimumConfidence;
    }

    /// <summary>A UK number: 0 + 10 digits, national part starting 1, 2, 3, 5, 7, 8 or 9.</summary>
    private bool TryPhone(int matchStart, int digitsStart, int end)
    {
        var national = _text[digitsStart + 1];
        if (national is '0' or '4' or '6' || !CharClass.BoundaryAt(_text, end))
        {
            return false;
        }

        var context = Before(matchStart, ContextWords.Phone);
        Add(PhiTypes.UkPhone, matchStart, end, context is null ? 0.7 : 0.9, "pattern:uk-phone" + Ctx(context));
        return true;
    }

    /// <summary>"+44 7781 123456", "+44 (0)1481 123456", "+441534123456".</summary>
    private int TryPlusPhone(int plus)
    {
        var s = _text;
        if (plus + 3 >= s.Length || s[plus + 1] != '4' || s[plus + 2] != '4' || !CharClass.BoundaryAt(s, plus - 1))
        {
            return -1;
        }

        var pos = SkipSpaces(plus + 3, 1);
        if (pos + 3 < s.Length && s[pos] == '(' && s[pos + 1] == '0' && s[pos + 2] == ')')
        {
            pos = SkipSpaces(pos + 3, 1);
        }

        if (pos >= s.Length || !CharClass.IsDigit(s[pos]) || s[pos] == '0')
        {
            return -1;
        }

        Span<int> starts = stackalloc int[MaxGroups];
        Span<int> ends = stackalloc int[MaxGroups];
        var groups = CollectGroups(pos, DigitRunEnd(pos), starts, ends);
        var digits = 0;
        for (var k = 0; k < groups; k++)
        {
            digits += ends[k] - starts[k];
            if (digits == 10)
            {
                return TryPhone(plus, pos - 1, ends[k]) ? ends[k] : -1;
            }
        }

        return -1;
    }

    /// <summary>"(0113) 496 0123", "(01481) 123456".</summary>
    private int TryParenPhone(int paren)
    {
        var s = _text;
        if (paren + 1 >= s.Length || s[paren + 1] != '0')
        {
            return -1;
        }

        var areaEnd = DigitRunEnd(paren + 1);
        if (areaEnd - paren - 1 is < 3 or > 5 || areaEnd >= s.Length || s[areaEnd] != ')')
        {
            return -1;
        }

        var pos = SkipSpaces(areaEnd + 1, 1);
        if (pos >= s.Length || !CharClass.IsDigit(s[pos]))
        {
            return -1;
        }

        Span<int> starts = stackalloc int[MaxGroups];
        Span<int> ends = stackalloc int[MaxGroups];
        var groups = CollectGroups(pos, DigitRunEnd(pos), starts, ends);
        var digits = areaEnd - paren - 1;
        for (var k = 0; k < groups; k++)
        {
            digits += ends[k] - starts[k];
            if (digits == 11)
            {
                return TryPhone(paren, paren + 1, ends[k]) ? ends[k] : -1;
            }
        }

        return -1;
    }

    private void TryRecordNumber(int start, int end)
    {
        if (ContextWindow.FindBefore(_text, start, 30, ContextWords.RecordLabels) is not { } label)
        {
            return;
        }

        Add(PhiTypes.RecordNumber, start, end, 0.75, "label:" + label);
    }
}
