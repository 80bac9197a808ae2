namespace Vigil.Vulnerabilities.Inventory;

/// <summary>One piece of software on one asset, as an inventory describes it.</summary>
/// <param name="Asset">The host or application the software runs on (SBOM subject, dpkg/rpm host, osquery host, CSV host).</param>
/// <param name="Name">The package name as its ecosystem spells it (OSV's <c>affected.package.name</c>).</param>
/// <param name="Version">The installed version, exactly as recorded.</param>
/// <param name="Ecosystem">
/// The OSV ecosystem (<c>Debian:12</c>, <c>AlmaLinux:9</c>, <c>npm</c>, <c>PyPI</c>, <c>Maven</c>, <c>NuGet</c>, <c>Go</c>,
/// <c>crates.io</c>, ...), with the release suffix when the inventory says it; <c>Exchange</c> for an Exchange server by
/// build number; <c>cpe</c> for software known only by vendor and product (matched through NVD CPE configurations).
/// </param>
/// <param name="Purl">The package URL when the inventory gives one.</param>
/// <param name="Cpe">The CPE 2.3 name when the inventory gives or implies one.</param>
/// <param name="Criticality">The asset's criticality as the inventory states it (<c>low</c>..<c>critical</c>), or null.</param>
/// <param name="HoldsPatientData">Whether the asset holds patient data (raises priority).</param>
/// <param name="Origin">Where it was read: file path and item (line, index or bom-ref), for problem reports.</param>
public sealed record Component(
    string Asset,
    string Name,
    string Version,
    string Ecosystem,
    string? Purl,
    string? Cpe,
    string? Criticality,
    bool HoldsPatientData,
    string Origin);
