namespace Vigil.Vulnerabilities.Inventory;

/// <summary>What an inventory file may not say for itself.</summary>
/// <param name="Asset">
/// The asset name for every component read (overrides the SBOM's own subject and the osquery host). When null: the
/// SBOM subject (<c>metadata.component</c>, SPDX document name), the osquery host identifier, the CSV host column,
/// else the file name without extension.
/// </param>
/// <param name="DistroRelease">
/// The OSV ecosystem of the distribution the packages come from, for a dpkg status file, <c>rpm -qa</c> output or
/// osquery <c>deb_packages</c>/<c>rpm_packages</c>: <c>Debian:12</c>, <c>Ubuntu:22.04:LTS</c>, <c>AlmaLinux:9</c>,
/// <c>Rocky Linux:9</c>. When null it is read from an <c>os-release</c> file beside the inventory (or the
/// <c>etc/os-release</c> of the root file system holding <c>var/lib/dpkg/status</c>); else dpkg gives <c>Debian</c>
/// (no release, so nothing release-specific matches) and rpm gives <c>RPM</c> with a problem saying so.
/// </param>
public sealed record InventoryOptions(string? Asset = null, string? DistroRelease = null);
