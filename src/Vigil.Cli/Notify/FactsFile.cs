using Vigil.Response.Breach;
using Vigil.Storage.Breach;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Vigil.Cli.Notify;

/// <summary>The breach facts as a YAML file (snake_case keys, the <see cref="BreachFactsInput"/> properties); absent keys keep their defaults.</summary>
internal static class FactsFile
{
    /// <summary>Reads and checks the file (as the web form and API check theirs; <paramref name="awareAt"/>: the incident's awareness time); an error names the file, the fields and the reasons, never the content.</summary>
    public static BreachFacts? Read(string path, DateTimeOffset now, DateTimeOffset? awareAt, out string? error)
    {
        error = null;
        BreachFactsInput input;
        try
        {
            input = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<BreachFactsInput?>(File.ReadAllText(path)) ?? new BreachFactsInput();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            error = $"{path}: cannot read the facts ({e.GetType().Name})";
            return null;
        }

        var problems = input.Check(now, awareAt);
        if (problems.Count > 0)
        {
            error = $"{path}: {string.Join(" ", problems.Values)}";
            return null;
        }

        return input.ToFacts();
    }
}
