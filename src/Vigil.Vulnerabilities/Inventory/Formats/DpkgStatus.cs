namespace Vigil.Vulnerabilities.Inventory.Formats;

/// <summary>
/// Reads a Debian dpkg status file (<c>/var/lib/dpkg/status</c>), streamed stanza by stanza. A package counts when
/// its files are on disk: the third word of <c>Status</c> is <c>installed</c> (whatever was selected: <c>install</c>,
/// <c>hold</c>, <c>deinstall</c>, <c>purge</c>). Config-files-only, unpacked and half-installed packages are not
/// installed software and are passed over quietly.
/// </summary>
/// <remarks>
/// Components are source packages (name and version from <c>Source: name (version)</c>, else the binary's), as OSV
/// Debian and Ubuntu advisories name them; the binary is kept in the purl. Where dpkg rejects the whole file
/// (a stanza without Package or Version, a line that is not a field), Vigil reports that stanza and keeps the rest.
/// </remarks>
internal static class DpkgStatus
{
    public static void Read(string file, InventorySink sink, CancellationToken cancellationToken)
    {
        var ecosystem = sink.Options.DistroRelease ?? OsRelease.Near(file) ?? "Debian";
        var asset = AssetName.Of(sink.Options, null, file);
        using var reader = new StreamReader(file);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var start = 0;
        var number = 0;
        string? broken = null;
        string? line;
        while ((line = reader.ReadLine()) is not null || fields.Count > 0 || broken is not null)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Stanza(file, $"stanza at line {start}", fields, broken, ecosystem, asset, sink);
                fields.Clear();
                broken = null;
                if (line is null)
                {
                    break;
                }

                continue;
            }

            if (fields.Count == 0 && broken is null)
            {
                start = number;
            }

            if (line[0] is ' ' or '\t')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                broken ??= $"line {number} is not a field";
                continue;
            }

            fields[line[..colon]] = line[(colon + 1)..].Trim();
        }
    }

    private static void Stanza(string file, string item, Dictionary<string, string> fields, string? broken, string ecosystem, string asset, InventorySink sink)
    {
        if (broken is not null)
        {
            sink.Problem(file, item, broken);
            return;
        }

        if (fields.Count == 0)
        {
            return;
        }

        if (!fields.TryGetValue("Package", out var package) || package.Length == 0)
        {
            sink.Problem(file, item, "no Package field");
            return;
        }

        if (!fields.TryGetValue("Status", out var status))
        {
            sink.Problem(file, item, "no Status field (dpkg drops such a stanza)");
            return;
        }

        var words = status.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 3 || words[2] != "installed")
        {
            return;
        }

        if (!fields.TryGetValue("Version", out var version) || version.Length == 0)
        {
            sink.Problem(file, item, "an installed package without a Version field");
            return;
        }

        var (sourceName, sourceVersion) = Source(fields.GetValueOrDefault("Source"));
        var arch = fields.GetValueOrDefault("Architecture");
        var vendor = ecosystem.StartsWith("Ubuntu", StringComparison.Ordinal) ? "ubuntu" : "debian";
        var purl = $"pkg:deb/{vendor}/{Uri.EscapeDataString(package)}@{Uri.EscapeDataString(version)}" + (arch is null ? string.Empty : $"?arch={arch}");
        var component = new Component(asset, sourceName ?? package, sourceVersion ?? version, ecosystem, purl, null, null, false, $"{file}#{item}");
        sink.Add(component, $"{package}:{arch}@{version}", file, item);
    }

    private static (string? Name, string? Version) Source(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return (null, null);
        }

        var open = field.IndexOf('(', StringComparison.Ordinal);
        var close = field.IndexOf(')', StringComparison.Ordinal);
        return open > 0 && close > open
            ? (field[..open].Trim(), field[(open + 1)..close].Trim())
            : (field.Trim(), null);
    }
}
