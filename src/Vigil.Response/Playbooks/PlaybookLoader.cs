using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Vigil.Response.Playbooks;

/// <summary>Loads playbooks from YAML; a bad file is reported (file, step, reason) and skipped, the others load.</summary>
public static class PlaybookLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    /// <summary>Loads every <c>*.yml</c> and <c>*.yaml</c> file in <paramref name="folder"/> (none when it does not exist).</summary>
    public static PlaybookLoadResult LoadFolder(string folder)
    {
        var playbooks = new List<Playbook>();
        var errors = new List<string>();
        if (!Directory.Exists(folder))
        {
            return new PlaybookLoadResult(playbooks, [$"{folder}: no such folder"]);
        }

        foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var fallbackId = Path.GetFileNameWithoutExtension(file);
            if (Parse(name, fallbackId, File.ReadAllText(file), errors) is { } playbook)
            {
                if (playbooks.Any(p => p.IsNamed(playbook.Id) || p.IsNamed(playbook.Name)))
                {
                    errors.Add($"{name}: playbook '{playbook.Id}' is defined twice; skipped");
                    continue;
                }

                playbooks.Add(playbook);
            }
        }

        return new PlaybookLoadResult(playbooks, errors);
    }

    /// <summary>Parses one file's text; null (with lines added to <paramref name="errors"/>) when it is invalid.</summary>
    public static Playbook? Parse(string fileName, string fallbackId, string yaml, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        PlaybookFile? file;
        try
        {
            file = Yaml.Deserialize<PlaybookFile?>(yaml);
        }
        catch (YamlException e)
        {
            errors.Add($"{fileName}: line {e.Start.Line}: not a valid playbook: {(e.InnerException ?? e).Message}");
            return null;
        }

        var before = errors.Count;
        if (file is null)
        {
            errors.Add($"{fileName}: empty");
            return null;
        }

        if (string.IsNullOrWhiteSpace(file.Name))
        {
            errors.Add($"{fileName}: missing name");
        }

        if (file.Groups is not { Count: > 0 })
        {
            errors.Add($"{fileName}: no groups of steps");
        }

        var steps = new List<PlaybookStep>();
        var number = 0;
        foreach (var (group, g) in (file.Groups ?? []).Select((group, g) => (group, g + 1)))
        {
            if (group is null || string.IsNullOrWhiteSpace(group.Name))
            {
                errors.Add($"{fileName}: group {g}: missing name");
                continue;
            }

            if (group.Steps is not { Count: > 0 })
            {
                errors.Add($"{fileName}: group {g} ({group.Name}): no steps");
                continue;
            }

            foreach (var step in group.Steps)
            {
                number++;
                if (step is null || string.IsNullOrWhiteSpace(step.Title))
                {
                    errors.Add($"{fileName}: step {number} (group {group.Name}): missing title");
                }
                else if (string.IsNullOrWhiteSpace(step.Source))
                {
                    errors.Add($"{fileName}: step {number} (group {group.Name}): missing source");
                }
                else
                {
                    steps.Add(new PlaybookStep(group.Name.Trim(), step.Title.Trim(), step.Source.Trim()));
                }
            }
        }

        return errors.Count > before
            ? null
            : new Playbook(string.IsNullOrWhiteSpace(file.Id) ? fallbackId : file.Id.Trim(), file.Name!.Trim(), file.Description?.Trim() ?? string.Empty, steps);
    }
}
