using Microsoft.Extensions.Configuration;
using Vigil.Cli.Serve;
using Vigil.Vulnerabilities.Deadlines;

namespace Vigil.Cli.Vulns;

/// <summary>The deadline policy (<c>--deadlines FILE</c>, YAML) and the alert channels of serve's configuration.</summary>
internal static class VulnsSettings
{
    /// <summary>The policy: defaults, or the file's values over them; null with the problems in <paramref name="errors"/>.</summary>
    public static DeadlinePolicy? LoadPolicy(string? file, List<string> errors)
    {
        var policy = new DeadlinePolicy();
        if (file is null)
        {
            return policy;
        }

        if (!File.Exists(file))
        {
            errors.Add($"{file}: no such deadlines file");
            return null;
        }

        var values = YamlConfiguration.Load(file, out var error);
        if (error is not null)
        {
            errors.Add(error);
            return null;
        }

        try
        {
            new ConfigurationBuilder().AddInMemoryCollection(values).Build().Bind(policy, static o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            errors.Add($"{file}: {e.Message.Split('\n')[0]}");
            return null;
        }

        errors.AddRange(policy.Validate());
        return errors.Count == 0 ? policy : null;
    }

    /// <summary>The names of the alert channels serve's configuration defines, so overdue alerts are delivered like detections.</summary>
    public static IReadOnlyList<string> Channels(string? configFile)
    {
        var errors = new List<string>();
        if (ServeConfiguration.Build(configFile, new Dictionary<string, string?>(), errors) is not { } configuration)
        {
            return [];
        }

        return [.. configuration.GetSection("Alerting:Channels").GetChildren().Select(c => c["Name"]).OfType<string>()];
    }
}
