namespace Vigil.Discovery.Recognition;

/// <summary>Reads the third-party CSV lists into a <see cref="VocabularyBuilder"/>.</summary>
internal static class VocabularyLoader
{
    /// <summary>Names given to fewer babies than this are too rare to help and too likely to be ordinary words.</summary>
    private const int MinimumBirths = 10;

    public static void LoadFirstNames(VocabularyBuilder builder, string folder, Action<string> report)
    {
        foreach (var row in Rows(folder, "*.csv", report, skipHeader: true))
        {
            if (row.Count >= 3 && int.TryParse(row[2], out var births) && births >= MinimumBirths && row[0].Length > 1)
            {
                builder.AddFlags(row[0], WordFlags.FirstName);
            }
        }
    }

    public static void LoadIcd10(VocabularyBuilder builder, string folder, Action<string> report)
    {
        foreach (var row in Rows(folder, "*.csv", report, skipHeader: false))
        {
            if (row.Count < 2 || row[0].Length < 3)
            {
                continue;
            }

            builder.AddIcdCode(row[0]);
            foreach (var word in VocabularyBuilder.SplitWords(row[1]))
            {
                if (word.Length > 2 && CharClass.IsLetter(word[0]))
                {
                    builder.AddFlags(word, WordFlags.MedicalWord);
                }
            }

            if (row[0][0] is 'V' or 'W' or 'X' or 'Y' or 'Z')
            {
                continue; // external causes and encounters: not conditions
            }

            foreach (var term in ConditionTerms.FromIcdTitle(row[1]))
            {
                builder.AddPhrase(term.Text, term.Kind);
            }
        }
    }

    public static void LoadBnf(VocabularyBuilder builder, string folder, Action<string> report)
    {
        foreach (var row in Rows(folder, "bnf_chemical_substances_ch01-15.csv", report, skipHeader: true))
        {
            if (row.Count < 2)
            {
                continue;
            }

            foreach (var term in MedicationTerms.From(row[1]))
            {
                builder.AddPhrase(term, PhraseKind.Medication);
            }
        }

        foreach (var row in Rows(folder, "bnf_products_ch01-15.csv", report, skipHeader: true))
        {
            if (row.Count >= 2 && MedicationTerms.FromProduct(row[1]) is { } term)
            {
                builder.AddPhrase(term, PhraseKind.Brand);
            }
        }
    }

    public static void LoadWordList(VocabularyBuilder builder, PhiWordList list, Action<string> report)
    {
        IEnumerable<string> lines;
        try
        {
            lines = File.ReadLines(list.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            report($"{list.Path}: cannot read ({e.GetType().Name})");
            return;
        }

        try
        {
            foreach (var raw in lines)
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                switch (list.Kind)
                {
                    case PhiWordListKind.Places:
                        builder.AddPlace(line, PhraseKind.Place);
                        break;
                    case PhiWordListKind.AmbiguousPlaces:
                        builder.AddPlace(line, PhraseKind.AmbiguousPlace);
                        break;
                    case PhiWordListKind.Hospitals:
                        builder.AddPlace(line, PhraseKind.Hospital);
                        break;
                    default:
                        builder.AddListedName(line, list.Kind);
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report($"{list.Path}: read failed ({e.GetType().Name})");
        }
    }

    private static IEnumerable<List<string>> Rows(string folder, string pattern, Action<string> report, bool skipHeader)
    {
        string[] files;
        try
        {
            files = Directory.Exists(folder) ? Directory.GetFiles(folder, pattern) : [];
        }
        catch (IOException ex)
        {
            report($"{folder}: {ex.GetType().Name}");
            yield break;
        }

        if (files.Length == 0)
        {
            report($"{folder}: no {pattern} file");
        }

        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (lineNumber == 1 && skipHeader)
                {
                    continue;
                }

                var fields = CsvLine.Split(line);
                if (fields is null)
                {
                    report($"{Path.GetFileName(file)} line {lineNumber}: malformed CSV, skipped");
                    continue;
                }

                yield return fields;
            }
        }
    }
}
