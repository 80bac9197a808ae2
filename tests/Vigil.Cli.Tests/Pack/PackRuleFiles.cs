using YamlDotNet.RepresentationModel;

namespace Vigil.Cli.Tests.Pack;

/// <summary>One bundled rule file's metadata, read as YAML.</summary>
internal sealed record PackRuleFile(string File, YamlMappingNode Root)
{
    public string Title => Text("title");

    public string Text(string key) =>
        Root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } ? value : "";

    public List<string> List(string key) =>
        Root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode sequence
            ? [.. sequence.Children.OfType<YamlScalarNode>().Select(static s => s.Value ?? "")]
            : [];

    public bool Has(string key) => Root.Children.ContainsKey(new YamlScalarNode(key));
}

/// <summary>Reads every file under rules/.</summary>
internal static class PackRuleFiles
{
    public static List<PackRuleFile> All() =>
    [
        .. Directory.GetFiles(PackHunt.RulesFolder, "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(static f =>
        {
            var yaml = new YamlStream();
            using var reader = new StreamReader(f);
            yaml.Load(reader);
            return new PackRuleFile(Path.GetRelativePath(PackHunt.RulesFolder, f), (YamlMappingNode)yaml.Documents[0].RootNode);
        }),
    ];
}
