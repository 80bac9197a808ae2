namespace Vigil.Vulnerabilities.Inventory.Formats;

/// <summary>
/// Reads <c>rpm -qa</c> output: one package per line, either a NEVRA (<c>bash-5.1.8-9.el9.x86_64</c>, with an
/// optional <c>epoch:</c> before the version) or the fields of a query format separated by blanks or tabs:
/// <c>NAME [EPOCH:]VERSION-RELEASE [ARCH]</c> or <c>NAME EPOCH VERSION RELEASE [ARCH]</c> (epoch <c>(none)</c> = none).
/// </summary>
/// <remarks>The version given to matching is <c>[epoch:]version-release</c>, as OSV's RPM ecosystems write it; epoch 0 is left out.</remarks>
internal static class RpmList
{
    private static readonly HashSet<string> Architectures = new(StringComparer.Ordinal)
    {
        "x86_64", "noarch", "i686", "i586", "i386", "aarch64", "ppc64le", "ppc64", "s390x", "armv7hl", "armhfp", "src", "riscv64",
    };

    /// <summary>Whether a line reads as a package (used to recognise the format).</summary>
    public static bool IsPackageLine(string line) => Parse(line) is { } package && char.IsAsciiDigit(package.Version[0]);

    public static void Read(string file, InventorySink sink, CancellationToken cancellationToken)
    {
        var ecosystem = sink.Options.DistroRelease ?? OsRelease.Near(file);
        if (ecosystem is null)
        {
            sink.Problem(file, "file", "the distribution is unknown: components are kept with ecosystem RPM, which no advisory names; give InventoryOptions.DistroRelease (e.g. AlmaLinux:9) or an os-release file beside it");
        }

        var asset = AssetName.Of(sink.Options, null, file);
        var vendor = ecosystem?.Split(':')[0].Replace(" Linux", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var item = $"line {number}";
            if (Parse(line) is not { } package)
            {
                sink.Problem(file, item, "not an rpm package (NEVRA, or NAME EVR ARCH)");
                continue;
            }

            if (package.Name == "gpg-pubkey")
            {
                continue;
            }

            var evr = package.Epoch is null ? $"{package.Version}-{package.Release}" : $"{package.Epoch}:{package.Version}-{package.Release}";
            var purl = vendor is null ? null
                : $"pkg:rpm/{vendor}/{Uri.EscapeDataString(package.Name)}@{Uri.EscapeDataString($"{package.Version}-{package.Release}")}"
                  + (package.Arch is null ? string.Empty : $"?arch={package.Arch}")
                  + (package.Epoch is null ? string.Empty : $"{(package.Arch is null ? '?' : '&')}epoch={package.Epoch}");
            var component = new Component(asset, package.Name, evr, ecosystem ?? "RPM", purl, null, null, false, $"{file}#{item}");
            sink.Add(component, $"{package.Name}.{package.Arch}@{evr}", file, item);
        }
    }

    private static Package? Parse(string line)
    {
        var tokens = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length switch
        {
            1 => Nevra(tokens[0]),
            2 or 3 => Evr(tokens[0], tokens[1], tokens.Length == 3 ? tokens[2] : null),
            4 or 5 => Fields(tokens),
            _ => null,
        };
    }

    private static Package? Nevra(string text)
    {
        string? arch = null;
        var dot = text.LastIndexOf('.');
        if (dot > 0 && Architectures.Contains(text[(dot + 1)..]))
        {
            arch = text[(dot + 1)..];
            text = text[..dot];
        }

        var releaseDash = text.LastIndexOf('-');
        var versionDash = releaseDash > 0 ? text.LastIndexOf('-', releaseDash - 1) : -1;
        return versionDash <= 0 ? null : Evr(text[..versionDash], text[(versionDash + 1)..], arch);
    }

    private static Package? Evr(string name, string evr, string? arch)
    {
        var colon = evr.IndexOf(':', StringComparison.Ordinal);
        var epoch = colon > 0 ? evr[..colon] : null;
        var rest = colon > 0 ? evr[(colon + 1)..] : evr;
        var dash = rest.LastIndexOf('-');
        return dash <= 0 || dash == rest.Length - 1 ? null : Make(name, epoch, rest[..dash], rest[(dash + 1)..], arch);
    }

    private static Package? Fields(string[] tokens) =>
        Make(tokens[0], tokens[1] == "(none)" ? null : tokens[1], tokens[2], tokens[3], tokens.Length == 5 ? tokens[4] : null);

    private static Package? Make(string name, string? epoch, string version, string release, string? arch)
    {
        arch = arch == "(none)" ? null : arch;
        if (name.Length == 0 || version.Length == 0 || release.Length == 0 || (epoch is not null && !epoch.All(char.IsAsciiDigit)))
        {
            return null;
        }

        if (arch is not null && !arch.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return null;
        }

        return new Package(name, epoch is null or "0" ? null : epoch, version, release, arch);
    }

    private sealed record Package(string Name, string? Epoch, string Version, string Release, string? Arch);
}
