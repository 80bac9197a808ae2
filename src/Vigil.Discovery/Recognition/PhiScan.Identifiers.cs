namespace Vigil.Discovery.Recognition;

/// <summary>E-mail, postcodes, National Insurance and Channel-Islands numbers, ICD-10 codes.</summary>
internal sealed partial class PhiScan
{
    /// <summary>local@domain.tld starting at a token; returns the end or -1.</summary>
    private int TryEmail(int start)
    {
        var s = _text;
        var at = start;
        while (at < s.Length && CharClass.IsEmailLocal(s[at]))
        {
            at++;
        }

        if (at >= s.Length || s[at] != '@' || s[at - 1] == '.')
        {
            return -1;
        }

        var end = at + 1;
        var lastDot = -1;
        while (end < s.Length && (CharClass.IsDomain(s[end]) || (s[end] == '.' && end + 1 < s.Length && CharClass.IsDomain(s[end + 1]))))
        {
            if (s[end] == '.')
            {
                lastDot = end;
            }

            end++;
        }

        if (lastDot < 0 || end - lastDot - 1 < 2)
        {
            return -1;
        }

        for (var i = lastDot + 1; i < end; i++)
        {
            if (!CharClass.IsLetter(s[i]))
            {
                return -1;
            }
        }

        Add(PhiTypes.Email, start, end, 0.95, "pattern:email");
        return end;
    }

    private int OnAlnum(int start, int end)
    {
        var s = _text;
        var token = s.AsSpan(start, end - start);
        if (CharClass.IsDigit(s[start]) && token.Length is 3 or 4 && CharClass.IsAsciiLower(s[end - 1]))
        {
            var dateEnd = TryDayMonthYear(start, end - 2); // 3rd March 1950
            if (dateEnd > 0)
            {
                return dateEnd;
            }
        }

        if (_options.AllDates || _options.Places)
        {
            var noteEnd = OnNoteAlnum(start, end);
            if (noteEnd > 0)
            {
                return noteEnd;
            }
        }

        if (CharClass.IsAsciiUpper(s[start]))
        {
            if (PostcodeRules.IsOutward(token) && end + 4 <= s.Length && s[end] == ' '
                && PostcodeRules.IsInward(s.AsSpan(end + 1, 3)) && CharClass.BoundaryAt(s, end + 4))
            {
                var context = Before(start, ContextWords.Postcode);
                Add(PhiTypes.UkPostcode, start, end + 4, context is null ? 0.8 : 0.95, "pattern:postcode" + Ctx(context));
                return end + 4;
            }

            if (token.Length is 8 or 9 && TryNinoCompact(start, token))
            {
                return end;
            }

            if (PostcodeRules.IsCompact(token))
            {
                var context = Before(start, ContextWords.Postcode);
                Add(PhiTypes.UkPostcode, start, end, context is null ? 0.55 : 0.9, "pattern:postcode" + Ctx(context));
                return end;
            }

            if (_options.Health && token.Length >= 3 && CharClass.IsDigit(token[1]) && CharClass.IsDigit(token[2]))
            {
                var icdEnd = TryIcd10(start, end);
                if (icdEnd > 0)
                {
                    return icdEnd;
                }
            }
        }

        if (token.Length >= 5)
        {
            TryRecordNumber(start, end);
        }

        return end;
    }

    private bool TryNinoCompact(int start, ReadOnlySpan<char> token)
    {
        if (!NinoRules.IsValidPrefix(token[0], token[1]))
        {
            return false;
        }

        foreach (var c in token[2..8])
        {
            if (!CharClass.IsDigit(c))
            {
                return false;
            }
        }

        var suffix = token.Length == 9 ? token[8] : '\0';
        return (suffix == '\0' || NinoRules.IsSuffix(suffix)) && ReportNino(start, start + token.Length, token[0], token[1], suffix != '\0');
    }

    /// <summary>"AB 12 34 56 C" or "AB 123456 C", called on a two-letter upper-case word.</summary>
    private int TryNinoSpaced(int start)
    {
        var s = _text;
        Span<char> digits = stackalloc char[6];
        var count = 0;
        var pos = start + 2;
        while (count < 6 && pos + 1 < s.Length && s[pos] == ' ' && CharClass.IsDigit(s[pos + 1]))
        {
            var runEnd = DigitRunEnd(pos + 1);
            var runLength = runEnd - pos - 1;
            if (runLength is not (2 or 6) || count + runLength > 6)
            {
                return -1;
            }

            s.AsSpan(pos + 1, runLength).CopyTo(digits[count..]);
            count += runLength;
            pos = runEnd;
        }

        if (count != 6 || !NinoRules.IsValidPrefix(s[start], s[start + 1]))
        {
            return -1;
        }

        var hasSuffix = pos + 1 < s.Length && s[pos] == ' ' && NinoRules.IsSuffix(s[pos + 1]) && CharClass.BoundaryAt(s, pos + 2);
        var end = hasSuffix ? pos + 2 : pos;
        return CharClass.BoundaryAt(s, end) && ReportNino(start, end, s[start], s[start + 1], hasSuffix) ? end : -1;
    }

    /// <summary>GY + 6 digits: Guernsey social security; JY with Jersey context: Jersey; otherwise a NINO.</summary>
    private bool ReportNino(int start, int end, char first, char second, bool hasSuffix)
    {
        var nino = Before(start, ContextWords.Nino);
        var social = Before(start, ContextWords.SocialSecurity);
        if (first == 'G' && second == 'Y' && !hasSuffix)
        {
            var island = social ?? Before(start, ContextWords.Guernsey);
            Add(PhiTypes.GySsn, start, end, island is null ? 0.6 : 0.9, "pattern:gy-ssn" + Ctx(island));
            return true;
        }

        if (first == 'J' && second == 'Y' && hasSuffix && nino is null && (social ?? Before(start, ContextWords.Jersey)) is { } jersey)
        {
            Add(PhiTypes.JeSsn, start, end, 0.85, "pattern:je-ssn" + Ctx(jersey));
            return true;
        }

        if (!hasSuffix && nino is null)
        {
            return false;
        }

        var context = nino ?? social;
        Add(PhiTypes.UkNino, start, end, context is null ? 0.7 : 0.9, "pattern:nino-prefix" + Ctx(context));
        return true;
    }

    /// <summary>A letter, two digits, optionally '.' and up to four more characters, known to the ICD-10 list.</summary>
    private int TryIcd10(int start, int tokenEnd)
    {
        var s = _text;
        var end = tokenEnd;
        var dotted = false;
        if (tokenEnd - start == 3 && end + 1 < s.Length && s[end] == '.' && CharClass.IsAlnum(s[end + 1]))
        {
            var subEnd = end + 1;
            while (subEnd < s.Length && CharClass.IsAlnum(s[subEnd]))
            {
                subEnd++;
            }

            if (subEnd - end - 1 > 4)
            {
                return -1;
            }

            end = subEnd;
            dotted = true;
        }

        if (end - start - (dotted ? 1 : 0) > 7)
        {
            return -1;
        }

        Span<char> code = stackalloc char[8];
        var length = 0;
        for (var i = start; i < end; i++)
        {
            if (s[i] != '.')
            {
                code[length++] = char.ToUpperInvariant(s[i]);
            }
        }

        // The list is ICD-10-CM (US); the NHS codes in WHO ICD-10, which has categories CM lacks (B24), so a
        // well-formed code the list does not know still counts when a diagnosis context introduces it.
        var hasList = _vocabulary.IcdCodeCount > 0;
        var known = hasList && _vocabulary.IcdCodes.Contains(code[..length]);
        var category = known || (hasList && _vocabulary.IcdCodes.Contains(code[..3]));
        var context = start - _lastConditionEnd <= 3 ? "condition" : Before(start, ContextWords.Icd);
        if (context is null && (!dotted || !category) || s[start] == 'U')
        {
            return -1;
        }

        var confidence = (known ? 0.6 : category ? 0.5 : 0.3) + (context is null ? 0 : 0.3) - (dotted ? 0 : 0.1);
        var source = known ? "dictionary:icd10" : category ? "dictionary:icd10-category" : "pattern:icd10";
        Add(PhiTypes.Icd10, start, end, confidence, source + Ctx(context));
        return end;
    }
}
