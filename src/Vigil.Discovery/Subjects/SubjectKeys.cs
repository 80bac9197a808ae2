using System.Globalization;
using System.Text;
using Vigil.Discovery.Recognition;

namespace Vigil.Discovery.Subjects;

/// <summary>How values are compared when linking: digits only for numbers, lower case for e-mail, names without titles.</summary>
internal static class SubjectKeys
{
    private static readonly HashSet<string> Titles = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "rev"];
    private static readonly string[] DateFormats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy",
        "dd MMMM yyyy", "dd MMM yyyy", "MMMM d, yyyy", "d MMMM, yyyy",
    ];

    /// <summary>Identifier types one person has at most one value of: a second value means a second person.</summary>
    public static bool IsExclusive(string type) => type is PhiTypes.UkNhs or PhiTypes.ScotChi or PhiTypes.NiHc
        or PhiTypes.UkNino or PhiTypes.GySsn or PhiTypes.JeSsn or PhiTypes.DateOfBirth;

    /// <summary>Identifier types that name one person nationally: the same value links records unconditionally.</summary>
    public static bool IsStrong(string type) => type is PhiTypes.UkNhs or PhiTypes.ScotChi or PhiTypes.NiHc
        or PhiTypes.UkNino or PhiTypes.GySsn or PhiTypes.JeSsn;

    public static string Normalise(string type, string? value)
    {
        value ??= "";
        return type switch
        {
            PhiTypes.UkNhs or PhiTypes.ScotChi or PhiTypes.NiHc or PhiTypes.UkPhone or PhiTypes.UsPhone => Filter(value, char.IsAsciiDigit),
            PhiTypes.UkNino or PhiTypes.GySsn or PhiTypes.JeSsn or PhiTypes.UkPostcode or PhiTypes.RecordNumber or PhiTypes.Icd10
                => Filter(value, char.IsAsciiLetterOrDigit).ToUpperInvariant(),
            PhiTypes.Email => value.Trim().ToLowerInvariant(),
            PhiTypes.Person => Name(value) ?? "",
            PhiTypes.DateOfBirth => Date(value),
            _ => string.Join(' ', value.ToLowerInvariant().Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)),
        };
    }

    /// <summary>A name as lower-case words without titles; null when nothing is left.</summary>
    public static string? Name(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var words = new StringBuilder(value.Length);
        foreach (var raw in value.Split((char[])[' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('.', '\'', '(', ')', ':').ToLowerInvariant();
            if (word.Length > 0 && !Titles.Contains(word))
            {
                words.Append(words.Length == 0 ? "" : " ").Append(word);
            }
        }

        return words.Length == 0 ? null : words.ToString();
    }

    /// <summary>
    /// Whether two normalised names are the same person's as written in one message: equal, or the same surname with
    /// the first name the same or reduced to its initial ("a thomas" and "alexander thomas").
    /// </summary>
    public static bool SameName(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var x = a.Split(' ');
        var y = b.Split(' ');
        if (x.Length < 2 || y.Length < 2 || x[^1] != y[^1])
        {
            return false;
        }

        return x[0][0] == y[0][0] && (x[0].Length == 1 || y[0].Length == 1);
    }

    private static string Date(string value)
    {
        var trimmed = value.Trim().TrimEnd('.');
        return DateTime.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Filter(trimmed, char.IsAsciiLetterOrDigit).ToLowerInvariant();
    }

    private static string Filter(string value, Func<char, bool> keep)
    {
        var result = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (keep(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
