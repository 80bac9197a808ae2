using Vigil.Vulnerabilities.Feeds.Formats;
using Vigil.Vulnerabilities.Inventory.Identity;

namespace Vigil.Vulnerabilities.Inventory.Formats;

/// <summary>
/// Reads Vigil's own inventory CSV, for what no SBOM or package list describes: a header naming the columns
/// <c>host, vendor, product, version</c> and optionally <c>criticality, holds_patient_data</c> (any order, any case).
/// Each row becomes a <c>cpe</c> component with a CPE 2.3 name built from vendor, product and version; a Microsoft
/// Exchange row whose version is a build number (<c>15.1.2176.2</c>) becomes an <c>Exchange</c> component.
/// </summary>
internal static class VigilCsv
{
    private static readonly string[] Criticalities = ["low", "medium", "high", "critical"];

    /// <summary>Whether a header line is this format's.</summary>
    public static bool IsHeader(string line)
    {
        var names = line.Split(',').Select(n => n.Trim().Trim('"').ToLowerInvariant()).ToHashSet();
        return names.Contains("host") && names.Contains("product") && names.Contains("version");
    }

    public static void Read(string file, InventorySink sink, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file);
        var csv = new CsvRecordReader(reader);
        var header = csv.Next()!.Select(n => n.Trim().ToLowerInvariant()).ToList();
        while (csv.Next() is { } row)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = $"line {csv.RecordLine}";
            if (row is [var only] && only.Trim().Length == 0)
            {
                continue;
            }

            if (csv.Error is not null || row.Count != header.Count)
            {
                sink.Problem(file, item, csv.Error ?? $"{row.Count} fields where the header has {header.Count}");
                continue;
            }

            string Get(string name) => header.IndexOf(name) is var i and >= 0 ? row[i].Trim() : string.Empty;
            Row(file, item, Get("host"), Get("vendor"), Get("product"), Get("version"), Get("criticality"), Get("holds_patient_data"), sink);
        }
    }

    private static void Row(string file, string item, string host, string vendor, string product, string version, string criticality, string patientData, InventorySink sink)
    {
        if (host.Length == 0 || product.Length == 0 || version.Length == 0)
        {
            sink.Problem(file, item, "host, product and version are required");
            return;
        }

        var level = criticality.ToLowerInvariant();
        if (level.Length > 0 && !Criticalities.Contains(level))
        {
            sink.Problem(file, item, "criticality is not low, medium, high or critical");
            return;
        }

        bool? holds = patientData.ToLowerInvariant() switch
        {
            "" or "false" or "no" or "0" or "n" => false,
            "true" or "yes" or "1" or "y" => true,
            _ => null,
        };
        if (holds is null)
        {
            sink.Problem(file, item, "holds_patient_data is not true/false/yes/no/1/0");
            return;
        }

        var asset = string.IsNullOrWhiteSpace(sink.Options.Asset) ? host : sink.Options.Asset;
        var origin = $"{file}#{item}";
        var component = ExchangeBuild.IsExchange(vendor, product, version)
            ? new Component(asset, ExchangeBuild.Name, version, "Exchange", null, null, level.Length == 0 ? null : level, holds.Value, origin)
            : new Component(asset, product, version, "cpe", null, CpeName.Application(vendor, product, version), level.Length == 0 ? null : level, holds.Value, origin);
        sink.Add(component, $"{vendor}/{product}@{version}", file, item);
    }
}
