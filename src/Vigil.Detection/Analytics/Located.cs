using System.Net;

namespace Vigil.Detection.Analytics;

/// <summary>An answer of <see cref="GeoIpDatabase.Locate"/>, kept for the next question about the same address.</summary>
/// <param name="Address">The address asked about.</param>
/// <param name="Location">Where it is, or null when the database has no coordinates for it.</param>
internal sealed record Located(IPAddress Address, GeoLocation? Location);
