namespace Vigil.Vulnerabilities.Inventory.Identity;

/// <summary>OSV ecosystem names of Linux distribution releases, from the names purls and os-release files use.</summary>
internal static class DistroNames
{
    private static readonly Dictionary<string, string> Debian = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wheezy"] = "7",
        ["jessie"] = "8",
        ["stretch"] = "9",
        ["buster"] = "10",
        ["bullseye"] = "11",
        ["bookworm"] = "12",
        ["trixie"] = "13",
        ["forky"] = "14",
    };

    private static readonly Dictionary<string, string> Ubuntu = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trusty"] = "14.04",
        ["xenial"] = "16.04",
        ["bionic"] = "18.04",
        ["focal"] = "20.04",
        ["jammy"] = "22.04",
        ["noble"] = "24.04",
        ["mantic"] = "23.10",
        ["lunar"] = "23.04",
        ["kinetic"] = "22.10",
        ["oracular"] = "24.10",
        ["plucky"] = "25.04",
    };

    /// <summary>
    /// The OSV ecosystem for distribution <paramref name="id"/> (<c>debian</c>, <c>ubuntu</c>, <c>almalinux</c>, <c>rocky</c>,
    /// <c>alpine</c>) at <paramref name="release"/> (<c>12</c>, <c>12.5</c>, <c>bookworm</c>, <c>debian-12</c>, <c>22.04</c>,
    /// <c>el9</c>, <c>3.17.2</c>), or null when the distribution is not one OSV names this way.
    /// </summary>
    public static string? Ecosystem(string id, string? release)
    {
        var version = Version(id, release);
        return id.ToLowerInvariant() switch
        {
            "debian" => version is null ? "Debian" : $"Debian:{Major(version)}",
            "ubuntu" => version is null ? "Ubuntu" : $"Ubuntu:{MajorMinor(version)}{(IsLts(version) ? ":LTS" : string.Empty)}",
            "almalinux" => version is null ? "AlmaLinux" : $"AlmaLinux:{Major(version)}",
            "rocky" or "rocky-linux" or "rockylinux" => version is null ? "Rocky Linux" : $"Rocky Linux:{Major(version)}",
            "alpine" => version is null ? "Alpine" : $"Alpine:v{MajorMinor(version)}",
            "redhat" or "rhel" => "Red Hat",
            "opensuse" => "openSUSE",
            "suse" or "sles" => "SUSE",
            "mageia" => "Mageia",
            "openeuler" => "openEuler",
            "wolfi" => "Wolfi",
            "chainguard" => "Chainguard",
            _ => null,
        };
    }

    private static string? Version(string id, string? release)
    {
        if (string.IsNullOrWhiteSpace(release))
        {
            return null;
        }

        var text = release.Trim();
        var dash = text.LastIndexOf('-');
        if (dash >= 0 && !char.IsAsciiDigit(text[0]))
        {
            text = text[(dash + 1)..];
        }

        if (text.StartsWith("el", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        if (id.Equals("debian", StringComparison.OrdinalIgnoreCase) && Debian.TryGetValue(text, out var debian))
        {
            return debian;
        }

        if (id.Equals("ubuntu", StringComparison.OrdinalIgnoreCase) && Ubuntu.TryGetValue(text, out var ubuntu))
        {
            return ubuntu;
        }

        return text.Length > 0 && char.IsAsciiDigit(text[0]) ? text : null;
    }

    private static string Major(string version) => version.Split('.')[0];

    private static string MajorMinor(string version) => string.Join('.', version.Split('.').Take(2));

    private static bool IsLts(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2 && int.TryParse(parts[0], out var year) && year % 2 == 0 && parts[1] == "04";
    }
}
