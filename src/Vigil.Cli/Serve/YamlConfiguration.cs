using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Cli.Serve;

/// <summary>Flattens a YAML document into configuration keys (<c>a:b:0:c</c>), as the JSON provider does for JSON.</summary>
internal static class YamlConfiguration
{
    /// <summary>The key/value pairs of the YAML file at <paramref name="path"/>, or an error naming the file, line and reason.</summary>
    public static Dictionary<string, string?> Load(string path, out string? error)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        error = null;
        try
        {
            using var reader = File.OpenText(path);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count > 0)
            {
                Walk(stream.Documents[0].RootNode, "", values);
            }
        }
        catch (YamlException e)
        {
            error = $"{path}: line {e.Start.Line}: {e.Message}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: cannot read ({e.Message})";
        }

        return values;
    }

    private static void Walk(YamlNode node, string prefix, Dictionary<string, string?> values)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    Walk(value, prefix.Length == 0 ? name : $"{prefix}:{name}", values);
                }

                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    Walk(list.Children[i], $"{prefix}:{i}", values);
                }

                break;
            case YamlScalarNode scalar:
                values[prefix] = scalar.Value;
                break;
        }
    }
}
