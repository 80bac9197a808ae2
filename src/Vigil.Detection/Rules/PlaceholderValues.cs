using Vigil.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Rules;

/// <summary>Placeholder values for the <c>expand</c> modifier, from a YAML mapping of name to value or list.</summary>
public static class PlaceholderValues
{
    /// <summary>Reads the file; problems are reported and the result is empty or partial.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Load(string path, IProblemSink problems)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        try
        {
            if (YamlValues.Load(new StringReader(File.ReadAllText(path)), path, "bad-placeholders", problems) is not { } stream)
            {
                return result;
            }

            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            {
                foreach (var (key, _) in root.Children)
                {
                    var name = ((YamlScalarNode)key).Value!.Trim('%');
                    result[name] = YamlValues.List(root, ((YamlScalarNode)key).Value!);
                }
            }
            else
            {
                problems.Report(new InputProblem(path, "", "bad-placeholders", "expected a mapping of placeholder names to values"));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Report(new InputProblem(path, "", "bad-placeholders", e.Message));
        }

        return result;
    }
}
