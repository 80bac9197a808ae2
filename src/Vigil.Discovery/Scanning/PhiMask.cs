using System.Text;
using Vigil.Discovery.Recognition;

namespace Vigil.Discovery.Scanning;

/// <summary>
/// Hides most of a value while keeping enough to tell findings apart in a report: the last digits of a number, the
/// first letter of an e-mail's local part and its domain, a name's initials, a date's year, a postcode's outward code.
/// Letters and digits become <c>*</c>; spaces and punctuation stay, so the shape of the value is still visible.
/// </summary>
public static class PhiMask
{
    /// <summary>The masked form of <paramref name="value"/>, found as <paramref name="type"/>.</summary>
    public static string Mask(string type, string value) => type switch
    {
        PhiTypes.UkNhs or PhiTypes.ScotChi or PhiTypes.NiHc => KeepLast(value, 4),
        PhiTypes.UkNino or PhiTypes.GySsn or PhiTypes.JeSsn => KeepLast(value, 3),
        PhiTypes.UkPhone or PhiTypes.UsPhone => KeepLast(value, 3),
        PhiTypes.RecordNumber => KeepLast(value, 2),
        PhiTypes.Email => Email(value),
        PhiTypes.Person => Initials(value),
        PhiTypes.DateOfBirth => Year(value),
        PhiTypes.UkPostcode => Outward(value),
        PhiTypes.Icd10 or PhiTypes.Condition or PhiTypes.Medication => KeepFirst(value, 1),
        _ => KeepLast(value, 0),
    };

    /// <summary>Every letter and digit hidden except the last <paramref name="keep"/> of them.</summary>
    public static string KeepLast(string value, int keep)
    {
        var chars = value.ToCharArray();
        var kept = 0;
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (char.IsLetterOrDigit(chars[i]))
            {
                if (kept++ >= keep)
                {
                    chars[i] = '*';
                }
            }
        }

        return new string(chars);
    }

    private static string KeepFirst(string value, int keep)
    {
        var chars = value.ToCharArray();
        var kept = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsLetterOrDigit(chars[i]) && kept++ >= keep)
            {
                chars[i] = '*';
            }
        }

        return new string(chars);
    }

    private static string Email(string value)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0)
        {
            return KeepLast(value, 0);
        }

        return string.Concat(value.AsSpan(0, 1), "***", value.AsSpan(at));
    }

    private static string Initials(string value)
    {
        var result = new StringBuilder();
        foreach (var word in value.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var first = word.AsSpan().IndexOfAnyExcept("'-.,(");
            if (first >= 0 && char.IsLetter(word[first]))
            {
                result.Append(result.Length == 0 ? "" : " ").Append(char.ToUpperInvariant(word[first])).Append('.');
            }
        }

        return result.Length == 0 ? "*" : result.ToString();
    }

    private static string Year(string value)
    {
        // Keep a trailing four-digit year (13/03/1969, 13 March 1969); hide everything else.
        var masked = KeepLast(value, 0).ToCharArray();
        var end = value.Length;
        while (end > 0 && !char.IsDigit(value[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsDigit(value[start - 1]))
        {
            start--;
        }

        if (end - start == 4)
        {
            value.CopyTo(start, masked, start, 4);
        }

        return new string(masked);
    }

    private static string Outward(string value)
    {
        var trimmed = value.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var outwardLength = space > 0 ? space : Math.Max(0, trimmed.Length - 3);
        return trimmed[..outwardLength] + KeepLast(trimmed[outwardLength..], 0);
    }
}
