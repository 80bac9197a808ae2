namespace Vigil.Ingestion.Sources;

/// <summary>Field lists for W3C-style logs whose <c>#Fields</c> header is missing (cut files, samples).</summary>
internal static class W3cLayouts
{
    /// <summary>The 30 fields of an Exchange message tracking log, in order.</summary>
    public static readonly string[] ExchangeTracking =
    [
        "date-time", "client-ip", "client-hostname", "server-ip", "server-hostname", "source-context", "connector-id",
        "source", "event-id", "internal-message-id", "message-id", "network-message-id", "recipient-address",
        "recipient-status", "total-bytes", "recipient-count", "related-recipient-address", "reference", "message-subject",
        "sender-address", "return-path", "message-info", "directionality", "tenant-id", "original-client-ip",
        "original-server-ip", "custom-data", "transport-traffic-type", "log-id", "schema-version",
    ];

    private static readonly string[] IisDefault =
    [
        "date", "time", "s-ip", "cs-method", "cs-uri-stem", "cs-uri-query", "s-port", "cs-username", "c-ip",
        "cs(User-Agent)", "cs(Referer)", "sc-status", "sc-substatus", "sc-win32-status", "time-taken",
    ];

    private static readonly string[] IisWithHost =
    [
        "date", "time", "s-ip", "cs-method", "cs-uri-stem", "cs-uri-query", "s-port", "cs-username", "c-ip",
        "cs(User-Agent)", "cs(Referer)", "cs-host", "sc-status", "sc-substatus", "sc-win32-status", "time-taken",
    ];

    // Exchange servers: s-computername after time, and two custom fields at the end (X-Forwarded-For and the client
    // port, as far as the samples show).
    private static readonly string[] IisExchange =
    [
        "date", "time", "s-computername", "s-ip", "cs-method", "cs-uri-stem", "cs-uri-query", "s-port", "cs-username",
        "c-ip", "cs(User-Agent)", "cs(Referer)", "sc-status", "sc-substatus", "sc-win32-status", "time-taken",
        "X-Forwarded-For", "c-port",
    ];

    private static readonly string[] IisExchangeShort = IisExchange[..16];

    /// <summary>The IIS layout with <paramref name="count"/> fields, or null when none is known.</summary>
    public static string[]? Iis(int count) => count switch
    {
        15 => IisDefault,
        16 => IisWithHost,
        18 => IisExchange,
        _ => null,
    };

    /// <summary>An IIS layout of 16 fields whose third looks like a computer name rather than an address.</summary>
    public static string[] IisSixteen(bool thirdIsName) => thirdIsName ? IisExchangeShort : IisWithHost;
}
