namespace Vigil.Ingestion.Sources;

/// <summary>The stable <see cref="Events.LogEvent.SourceType"/> names this module sets.</summary>
public static partial class SourceTypes
{
    /// <summary>Microsoft 365 unified audit log records (any export shape).</summary>
    public const string M365Audit = "m365.audit";

    /// <summary>Entra ID sign-in logs (Graph, Azure Monitor or Sentinel shape).</summary>
    public const string EntraSignIn = "entra.signin";

    /// <summary>IIS W3C extended logs.</summary>
    public const string Iis = "iis";

    /// <summary>Exchange HttpProxy logs.</summary>
    public const string ExchangeHttpProxy = "exchange.httpproxy";

    /// <summary>Exchange message tracking logs.</summary>
    public const string ExchangeTracking = "exchange.tracking";

    /// <summary>Postfix syslog messages.</summary>
    public const string Postfix = "postfix";

    /// <summary>Dovecot syslog messages.</summary>
    public const string Dovecot = "dovecot";

    /// <summary>Other syslog messages.</summary>
    public const string Syslog = "syslog";

    /// <summary>Windows event log records.</summary>
    public const string Windows = "windows";

    /// <summary>JSON records of no recognised kind.</summary>
    public const string Json = "json";
}
