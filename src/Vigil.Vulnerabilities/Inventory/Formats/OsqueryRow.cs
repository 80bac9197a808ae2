using System.Text.Json;
using Vigil.Vulnerabilities.Feeds.Formats;
using Vigil.Vulnerabilities.Inventory.Identity;

namespace Vigil.Vulnerabilities.Inventory.Formats;

/// <summary>Turns one osquery row of <c>deb_packages</c>, <c>rpm_packages</c>, <c>programs</c> or <c>patches</c> into a component.</summary>
internal static class OsqueryRow
{
    private static readonly string[] VendorSuffixes = [", Inc.", " Inc.", " Incorporated", " Corporation", " Corp.", " LLC", " Ltd.", " Ltd", " GmbH", " AG"];

    public static void Add(string file, string item, string host, JsonElement row, InventorySink sink)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            sink.Problem(file, item, "a row that is not an object");
            return;
        }

        string Get(string name) => JsonValues.Text(row, name)?.Trim() ?? string.Empty;
        var asset = AssetName.Of(sink.Options, host, file);
        var name = Get("name");
        var version = Get("version");
        if (Has(row, "hotfix_id"))
        {
            var kb = Get("hotfix_id");
            if (kb.Length == 0)
            {
                sink.Problem(file, item, "a patches row without hotfix_id");
                return;
            }

            Add(sink, file, item, new Component(asset, kb, "installed", "Windows KB", null, null, null, false, $"{file}#{item}"), kb);
            return;
        }

        if (name.Length == 0 || version.Length == 0)
        {
            sink.Problem(file, item, "a row without name or version");
            return;
        }

        if (Has(row, "release") && (Has(row, "epoch") || Has(row, "package_group") || Has(row, "sha1")))
        {
            var epoch = Get("epoch");
            var evr = $"{(epoch is "" or "0" ? string.Empty : epoch + ":")}{version}-{Get("release")}";
            var ecosystem = sink.Options.DistroRelease ?? "RPM";
            Add(sink, file, item, new Component(asset, name, evr, ecosystem, null, null, null, false, $"{file}#{item}"), $"{name}.{Get("arch")}@{evr}");
        }
        else if (Has(row, "revision") || Has(row, "maintainer") || Has(row, "admindir"))
        {
            var status = Get("status");
            if (status.Length > 0 && !status.EndsWith(" installed", StringComparison.Ordinal))
            {
                return;
            }

            var source = Get("source");
            var open = source.IndexOf('(', StringComparison.Ordinal);
            var sourceName = open > 0 ? source[..open].Trim() : source;
            var sourceVersion = open > 0 ? source[(open + 1)..].TrimEnd(')', ' ') : version;
            var ecosystem = sink.Options.DistroRelease ?? "Debian";
            var component = new Component(asset, sourceName.Length > 0 ? sourceName : name, sourceVersion, ecosystem, null, null, null, false, $"{file}#{item}");
            Add(sink, file, item, component, $"{name}:{Get("arch")}@{version}");
        }
        else if (Has(row, "publisher") || Has(row, "install_location") || Has(row, "identifying_number") || Has(row, "uninstall_string"))
        {
            var publisher = Get("publisher");
            var component = ExchangeBuild.IsExchange(publisher, name, version)
                ? new Component(asset, ExchangeBuild.Name, version, "Exchange", null, null, null, false, $"{file}#{item}")
                : new Component(asset, name, version, "cpe", null, CpeName.Application(Vendor(publisher, name), name, version), null, false, $"{file}#{item}");
            Add(sink, file, item, component, $"{name}@{version}");
        }
        else
        {
            sink.Problem(file, item, "a row of a table Vigil does not read (deb_packages, rpm_packages, programs, patches)");
        }
    }

    private static void Add(InventorySink sink, string file, string item, Component component, string identity) => sink.Add(component, identity, file, item);

    private static bool Has(JsonElement row, string name) => row.TryGetProperty(name, out _);

    /// <summary>A best-guess CPE vendor from a Windows publisher: legal suffixes dropped (<c>Google LLC</c> → <c>google</c>).</summary>
    private static string Vendor(string publisher, string name)
    {
        var vendor = publisher.Length == 0 ? name.Split(' ')[0] : publisher;
        foreach (var suffix in VendorSuffixes)
        {
            if (vendor.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                vendor = vendor[..^suffix.Length];
            }
        }

        return vendor;
    }
}
