using Vigil.Vulnerabilities.Inventory.Identity;

namespace Vigil.Vulnerabilities.Inventory.Formats;

/// <summary>One SBOM component (CycloneDX or SPDX), turned into a <see cref="Component"/> by its purl, else its CPE.</summary>
internal sealed record SbomEntry(string File, string Item, string Asset, string? Type, string? Name, string? Version, string? Purl, string? Cpe)
{
    // Components that describe the platform or a file rather than installed software are not matched and not reported.
    private static readonly HashSet<string> Unmatched = new(StringComparer.Ordinal)
    {
        "operating-system", "container", "file", "data", "device", "firmware", "platform", "machine-learning-model", "cryptographic-asset",
    };

    /// <summary>Adds the component to <paramref name="sink"/>, or reports why it cannot be matched.</summary>
    public void AddTo(InventorySink sink)
    {
        var purlText = Blank(Purl);
        var cpe = Blank(Cpe);
        if (cpe is not null && !CpeName.IsFormatted(cpe))
        {
            cpe = null;
        }

        string? purlReason = null;
        if (purlText is not null)
        {
            var purl = PackageUrl.Parse(purlText, out purlReason);
            if (purl is null)
            {
                sink.Problem(File, Item, $"invalid purl: {purlReason}");
                return;
            }

            if (PurlEcosystem.Map(purl, sink.Options.DistroRelease, out purlReason) is { } mapped)
            {
                Add(sink, mapped.Ecosystem, mapped.Name, mapped.Version, purlText, cpe, purlText);
                return;
            }
        }

        var version = Blank(Version);
        var name = Blank(Name);
        if (cpe is not null && version is not null && name is not null)
        {
            Add(sink, "cpe", name, version, purlText, cpe, purlText ?? cpe);
        }
        else if (purlReason is not null)
        {
            sink.Problem(File, Item, purlReason);
        }
        else if (Type is null || !Unmatched.Contains(Type))
        {
            sink.Problem(File, Item, name is null ? "no name, purl or CPE (schema-invalid)" : "no purl or CPE 2.3 name: cannot be matched");
        }
    }

    private void Add(InventorySink sink, string ecosystem, string name, string version, string? purl, string? cpe, string identity) =>
        sink.Add(new Component(Asset, name, version, ecosystem, purl, cpe, null, false, $"{File}#{Item}"), identity, File, Item);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
