using Vigil.Discovery.Recognition;

namespace Vigil.Discovery.Tests.Recognition;

/// <summary>Runs the recogniser over a snippet with a tiny hand-made vocabulary (no third-party data).</summary>
internal static class Recognise
{
    private static readonly Lazy<PhiVocabulary> MiniVocabulary = new(BuildMini);

    public static PhiVocabulary Vocabulary => MiniVocabulary.Value;

    public static List<PhiMatch> All(string text, RecogniserOptions? options = null)
    {
        var results = new List<PhiMatch>();
        new PhiRecogniser(Vocabulary, options ?? RecogniserOptions.Default).Scan(text, results);
        return results;
    }

    /// <summary>"TYPE=value" for every match, for compact table-driven assertions.</summary>
    public static List<string> Found(string text, RecogniserOptions? options = null) =>
        [.. All(text, options).Select(m => $"{m.Type}={text.Substring(m.Start, m.Length)}")];

    private static PhiVocabulary BuildMini()
    {
        var folder = Directory.CreateTempSubdirectory("vigil-phi-vocab-").FullName;
        Write(folder, "ons-names/names.csv", "name,sex,births_2019_2024\nOliver,M,500\nVictoria,F,300\nPeter,M,200\nGrace,F,400\nWill,M,50\nRareone,M,3\n");
        Write(folder, "icd10cm/codes.csv", "E11,\"Type 2 diabetes mellitus\"\nE119,\"Type 2 diabetes mellitus without complications\"\nI10,\"Essential (primary) hypertension\"\nJ45,\"Asthma\"\nR05,\"Cough\"\nZ00,\"Encounter for general examination\"\n");
        Write(folder, "nhsbsa-bnf/bnf_chemical_substances_ch01-15.csv", "code,chemical_substance,section,chapter\n0601022B0,Metformin Hydrochloride,Diabetes,Endocrine\n0205051R0,Ramipril,Hypertension,Cardiovascular\n0103050P0,Omeprazole,Ulcer,GI\n");
        Write(folder, "nhsbsa-bnf/bnf_products_ch01-15.csv", "code,product,substance,chapter\n0601022B0BB,Glucophage,Metformin Hydrochloride,Endocrine\n");
        var problems = new List<string>();
        var vocabulary = PhiVocabulary.Load(folder, problems.Add);
        Directory.Delete(folder, recursive: true);
        Assert.Empty(problems);
        return vocabulary;
    }

    private static void Write(string folder, string relative, string content)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
