using Vigil.Vulnerabilities.Inventory.Identity;

namespace Vigil.Vulnerabilities.Inventory.Formats;

/// <summary>Finds the distribution of a package list from an <c>os-release</c> file next to it.</summary>
internal static class OsRelease
{
    /// <summary>
    /// The OSV ecosystem from <c>os-release</c> in the inventory's folder, or from <c>etc/os-release</c> /
    /// <c>usr/lib/os-release</c> of the root file system when the inventory is <c>ROOT/var/lib/dpkg/status</c>; or null.
    /// </summary>
    public static string? Near(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var candidates = new List<string> { Path.Combine(folder, "os-release") };
        var root = Path.GetFullPath(Path.Combine(folder, "..", "..", ".."));
        if (folder.EndsWith(Path.Combine("var", "lib", "dpkg"), StringComparison.Ordinal))
        {
            candidates.Add(Path.Combine(root, "etc", "os-release"));
            candidates.Add(Path.Combine(root, "usr", "lib", "os-release"));
        }

        var found = candidates.FirstOrDefault(File.Exists);
        return found is null ? null : Parse(File.ReadLines(found));
    }

    /// <summary>The OSV ecosystem named by os-release lines (<c>ID</c>, <c>VERSION_ID</c>), or null.</summary>
    public static string? Parse(IEnumerable<string> lines)
    {
        string? id = null;
        string? version = null;
        foreach (var line in lines.Take(100))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var value = line[(equals + 1)..].Trim().Trim('"', '\'');
            switch (line[..equals].Trim())
            {
                case "ID":
                    id = value;
                    break;
                case "VERSION_ID":
                    version = value;
                    break;
                default:
                    break;
            }
        }

        return id is null ? null : DistroNames.Ecosystem(id, version);
    }
}
