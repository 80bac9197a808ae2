using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Vulnerabilities.Matching;

/// <summary>One package of one advisory in the index, with its ecosystem's release (<c>12</c> of <c>Debian:12</c>).</summary>
internal sealed record OsvEntry(Advisory Advisory, AffectedPackage Affected, string? Release);
