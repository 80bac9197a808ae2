namespace Vigil.Detection.Analytics;

/// <summary>What "a new place" means for <see cref="FirstSeenPlaceAnalytic"/>.</summary>
internal enum PlaceKind
{
    /// <summary>The country GeoIP gives.</summary>
    Country,

    /// <summary>The address's network: IPv4 /16, IPv6 /32 (no ASN database is used).</summary>
    Network,
}
