using System.Collections;
using System.Reflection;

namespace Vigil.Cli.Serve;

/// <summary>
/// The configuration given through environment variables: <c>VIGIL_Section__Key=value</c> for the settings of
/// <see cref="ServeSettings"/>.
/// </summary>
/// <remarks>
/// Only variables whose first part names a setting are read, so that other variables that happen to start with
/// <c>VIGIL_</c> (a test harness's, a wrapper script's) are not mistaken for unknown settings.
/// </remarks>
internal static class VigilEnvironment
{
    private const string Prefix = "VIGIL_";

    private static readonly HashSet<string> Settings = typeof(ServeSettings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(static p => p.CanWrite)
        .Select(static p => p.Name)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static Dictionary<string, string?> Values()
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                var key = name[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal);
                if (Settings.Contains(key.Split(':')[0]))
                {
                    values[key] = entry.Value as string;
                }
            }
        }

        return values;
    }
}
