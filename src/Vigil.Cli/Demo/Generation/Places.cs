using System.Globalization;

namespace Vigil.Cli.Demo.Generation;

/// <summary>
/// Real address ranges and where DB-IP Lite (city, IPv4, June 2026) puts them: the Channel Islands and the UK for the
/// clinic, Malaga for a holiday, Russia and Nigeria for the attacker. Only the ranges are real; every host is made up.
/// </summary>
internal static class Places
{
    /// <summary>The clinic's office (one NAT address in St Peter Port).</summary>
    public static Place Office { get; } = new("37.72.154.10", "St Peter Port", "GG", 49.4569, -2.53754);

    /// <summary>The on-prem Exchange server's address.</summary>
    public const string ExchangeIp = "10.20.0.5";

    /// <summary>The Exchange server's name.</summary>
    public const string ExchangeHost = "EXCH01";

    private static readonly (string Prefix, string City, string Country, double Lat, double Lon)[] Guernsey =
    [
        ("37.72.152.", "St Peter Port", "GG", 49.4569, -2.53754),
        ("37.72.153.", "St Martin", "GG", 49.4371, -2.55479),
        ("37.72.157.", "Saint Sampson", "GG", 49.4839, -2.52333),
        ("31.42.122.", "Saint Andrew", "GG", 49.4482, -2.58949),
        ("45.135.252.", "La Villiaze", "GG", 49.4371, -2.59434),
    ];

    private static readonly (string Prefix, string City, string Country, double Lat, double Lon)[] Jersey =
    [
        ("213.133.192.", "Saint Helier", "JE", 49.1889, -2.10343),
        ("87.244.64.", "St Lawrence", "JE", 49.2158, -2.14139),
    ];

    private static readonly (string Prefix, string City, string Country, double Lat, double Lon)[] Uk =
    [
        ("86.128.0.", "London", "GB", 51.5072, -0.127586),
        ("81.2.69.", "London", "GB", 51.5143, -0.0912244),
        ("193.243.224.", "Manchester", "GB", 53.4744, -2.17471),
    ];

    public static Place GuernseyHome(Random random) => Pick(random, Guernsey);

    public static Place JerseyHome(Random random) => Pick(random, Jersey);

    public static Place UkTrip(Random random) => Pick(random, Uk);

    /// <summary>A hotel or phone in Malaga (Spain).</summary>
    public static Place Malaga(Random random) => At(random, "2.139.158.", "Malaga", "ES", 36.7202, -4.42034);

    /// <summary>The attacker's spray and mailbox-abuse address (Russia).</summary>
    public static Place AttackerCloud(Random random) => At(random, "194.9.224.", "Nakhabino", "RU", 55.8401, 37.1376);

    /// <summary>The attacker's Exchange-exploitation address (Moscow).</summary>
    public static Place AttackerExploit(Random random) => At(random, "185.9.144.", "Moscow", "RU", 55.7558, 37.6173);

    /// <summary>The attacker's second sign-in address (Lagos).</summary>
    public static Place AttackerTravel(Random random) => At(random, "14.137.172.", "Lagos", "NG", 6.52438, 3.37921);

    private static Place Pick(Random random, (string Prefix, string City, string Country, double Lat, double Lon)[] pool)
    {
        var p = pool[random.Next(pool.Length)];
        return At(random, p.Prefix, p.City, p.Country, p.Lat, p.Lon);
    }

    private static Place At(Random random, string prefix, string city, string country, double lat, double lon) =>
        new(prefix + random.Next(2, 254).ToString(CultureInfo.InvariantCulture), city, country, lat, lon);
}
