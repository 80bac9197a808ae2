using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Rules;

/// <summary>Reading typed values out of YamlDotNet's representation model.</summary>
internal static class YamlValues
{
    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static string? Text(YamlMappingNode map, string key) =>
        Child(map, key) is YamlScalarNode s && !IsNull(s) ? s.Value : null;

    public static IReadOnlyList<string> List(YamlMappingNode map, string key) => Child(map, key) switch
    {
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Where(static s => !IsNull(s)).Select(static s => s.Value!).ToList(),
        YamlScalarNode s when !IsNull(s) => [s.Value!],
        _ => [],
    };

    /// <summary>YAML's null: a plain <c>null</c>, <c>~</c> or nothing; a quoted "null" is a string.</summary>
    public static bool IsNull(YamlScalarNode s) =>
        s.Style == ScalarStyle.Plain && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    public static string Where(YamlNode node) => $"line {node.Start.Line}";

    /// <summary>
    /// Parses YAML text, reporting a parse failure as a problem of <paramref name="kind"/>. YamlDotNet throws more
    /// than <see cref="YamlException"/> on some malformed input (InvalidOperationException from its scanner), so
    /// every non-fatal exception counts as malformed YAML.
    /// </summary>
    public static YamlStream? Load(TextReader reader, string file, string kind, Diagnostics.IProblemSink problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
            return stream;
        }
        catch (YamlException e)
        {
            problems.Report(new Diagnostics.InputProblem(file, $"line {e.Start.Line}", kind, $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            problems.Report(new Diagnostics.InputProblem(file, "", kind, $"not valid YAML: {e.Message}"));
        }

        return null;
    }
}
