using Microsoft.Extensions.Configuration;

namespace Vigil.Cli.Serve;

/// <summary>
/// Reads <c>vigil serve</c>'s settings: defaults, then the configuration file (YAML or JSON), then environment
/// variables prefixed <c>VIGIL_</c> (<c>VIGIL_Storage__ConnectionString</c>), then command-line options.
/// </summary>
/// <remarks>Secrets (database password, SMTP password, webhook secret) belong in the environment, not the file.</remarks>
internal static class ServeConfiguration
{
    public static ServeSettings Load(string? file, IReadOnlyDictionary<string, string?> overrides, List<string> errors)
    {
        var settings = new ServeSettings();
        if (Build(file, overrides, errors) is not { } configuration)
        {
            return settings;
        }

        try
        {
            configuration.Bind(settings, static o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException)
        {
            errors.Add(Describe(e.Message));
            return settings;
        }

        errors.AddRange(settings.Validate());
        return settings;
    }

    /// <summary>
    /// The layered configuration (file, environment, overrides), or null with the reason in <paramref name="errors"/>
    /// when the file cannot be read. The store commands read their database settings from it too.
    /// </summary>
    public static IConfiguration? Build(string? file, IReadOnlyDictionary<string, string?> overrides, List<string> errors)
    {
        var builder = new ConfigurationBuilder();
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                errors.Add($"{file}: no such configuration file");
                return null;
            }

            if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                builder.AddJsonFile(Path.GetFullPath(file), optional: false);
            }
            else
            {
                var values = YamlConfiguration.Load(file, out var error);
                if (error is not null)
                {
                    errors.Add(error);
                    return null;
                }

                builder.AddInMemoryCollection(values);
            }
        }

        builder.AddInMemoryCollection(VigilEnvironment.Values());
        builder.AddInMemoryCollection(overrides);
        return builder.Build();
    }

    /// <summary>The binder's message in the user's terms: which setting is unknown, or which value cannot be read.</summary>
    private static string Describe(string message)
    {
        const string Unknown = "were not found on the instance of ";
        var at = message.IndexOf(Unknown, StringComparison.Ordinal);
        if (at >= 0)
        {
            var names = message[(at + Unknown.Length)..];
            names = names[(names.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            return $"unknown setting {names.Split('\n')[0]}";
        }

        return message.Split('\n')[0];
    }
}
