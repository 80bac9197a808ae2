using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Inventory;

namespace Vigil.Vulnerabilities.Tests.Support;

/// <summary>Builds synthetic feed records and components.</summary>
internal static class Make
{
    public static Component Component(string asset, string ecosystem, string name, string version, string? criticality = null, bool patientData = false, string? cpe = null)
        => new(asset, name, version, ecosystem, null, cpe, criticality, patientData, $"inventory.csv:{asset}/{name}");

    public static Advisory Advisory(string id, string ecosystem, string name, string? introduced, string? fixedAt, double? cvss = null, string[]? aliases = null, string? lastAffected = null, string[]? versions = null)
        => new(id, aliases ?? [], null, cvss, null, null, [new AffectedPackage(ecosystem, name, introduced is null && fixedAt is null && lastAffected is null ? [] : [new VersionRange(introduced, fixedAt, lastAffected)], versions ?? [])]);

    public static KevEntry Kev(string cve, DateOnly due, bool ransomware = false)
        => new(cve, "vendor", "product", "name", due.AddDays(-21), due, ransomware);
}
