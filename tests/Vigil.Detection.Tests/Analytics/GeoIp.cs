using Vigil.Detection.Analytics;
namespace Vigil.Detection.Tests.Analytics;

/// <summary>The real DB-IP database that scripts/geoip-db.sh installs; tests fail with a clear message without it.</summary>
internal static class GeoIp
{
    private static readonly Lazy<(GeoIpDatabase? Db, string Dir, string Reason)> Opened = new(static () =>
    {
        var dir = Environment.GetEnvironmentVariable("VIGIL_GEOIP_DIR") ?? "";
        var db = GeoIpDatabase.Open(dir, out var reason);
        return (db, dir, reason);
    });

    public static string Directory => Database is null ? "" : Opened.Value.Dir;

    public static GeoIpDatabase Database
    {
        get
        {
            var (db, dir, reason) = Opened.Value;
            if (db is null)
            {
                Assert.Fail($"The GeoIP database is absent (VIGIL_GEOIP_DIR='{dir}': {reason}). Run: export VIGIL_GEOIP_DIR=\"$(scripts/geoip-db.sh)\"");
            }

            return db!;
        }
    }
}
