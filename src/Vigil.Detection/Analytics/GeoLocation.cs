namespace Vigil.Detection.Analytics;

/// <summary>Where a GeoIP database places an address.</summary>
/// <param name="CountryCode">ISO 3166 two-letter country code, upper case (<c>GB</c>, <c>JE</c>, <c>GG</c>).</param>
/// <param name="City">The city, when the database names one.</param>
/// <param name="Latitude">Degrees north.</param>
/// <param name="Longitude">Degrees east.</param>
internal readonly record struct GeoLocation(string CountryCode, string? City, double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0;

    /// <summary>The great-circle distance to <paramref name="other"/> in kilometres (haversine).</summary>
    public double DistanceKm(GeoLocation other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180.0;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
