using Vigil.Events;

namespace Vigil.Ingestion.Sources;

/// <summary>
/// The stable <see cref="LogEvent.SourceType"/> names this module sets, and recognition of them from content.
/// </summary>
/// <remarks>Thread-safe. See docs/sources.md for the formats and the field names of each.</remarks>
public static class SourceTypes
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

    private static readonly int ChannelId = FieldNames.Intern("Channel");
    private static readonly int EventIdId = FieldNames.Intern("EventID");

    private static readonly HashSet<string> Names =
        [M365Audit, EntraSignIn, Iis, ExchangeHttpProxy, ExchangeTracking, Postfix, Dovecot, Syslog, Windows, Json];

    /// <summary>Every name above, for validating a declared source type.</summary>
    public static IReadOnlyCollection<string> All => Names;

    /// <summary>Whether <paramref name="name"/> is one of the names above.</summary>
    public static bool IsKnown(string name) => Names.Contains(name);

    /// <summary>
    /// The source type of a text or CSV file from its first bytes (say the first 64 KiB): W3C directives
    /// (<c>#Software</c>, <c>#Log-type</c>, <c>#Fields</c>) name IIS, Exchange message tracking or HttpProxy logs;
    /// else a CSV header names an M365 audit export (<c>AuditData</c>, or OfficeActivity's <c>OfficeWorkload</c>),
    /// an HttpProxy log or Sentinel sign-ins; else rows shaped like IIS (<c>yyyy-MM-dd HH:mm:ss</c> then fields) or
    /// message tracking (<c>yyyy-MM-ddTHH:mm:ss.fffZ,</c> then CSV); else <c>syslog</c> when most of the first twenty
    /// lines (not starting with <c>#</c>) parse as syslog.
    /// </summary>
    /// <param name="start">The first bytes of the content (decompressed), UTF-8; a cut last line is ignored.</param>
    /// <returns>A name from this class, or empty when none fits (JSON is recognised per record: see <see cref="Recognise(LogEvent)"/>).</returns>
    public static string Recognise(ReadOnlySpan<byte> start) => ContentRecognizer.Recognise(start);

    /// <summary>The source type of a parsed JSON or CSV record: <c>m365.audit</c>, <c>entra.signin</c> or empty.</summary>
    /// <param name="logEvent">The record as the JSON or CSV reader gave it (nested names dotted).</param>
    /// <returns>The name, or empty when the record is of no recognised kind.</returns>
    public static string Recognise(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        return M365Shape.Matches(logEvent) ? M365Audit : EntraShape.Matches(logEvent) ? EntraSignIn : "";
    }

    /// <summary>
    /// Gives a parsed JSON or CSV record the field names of its source type and sets <see cref="LogEvent.SourceType"/>:
    /// M365 audit records flattened (AuditData at top level), Entra sign-ins with common names (see docs/sources.md).
    /// </summary>
    /// <param name="logEvent">The record as the JSON or CSV reader gave it.</param>
    /// <param name="declared">A source type to force (<c>m365.audit</c> or <c>entra.signin</c>), or null to recognise it.</param>
    /// <param name="fallback">
    /// The source type of a record of no recognised kind (e.g. <c>json</c>); with <c>json</c>, a Windows event (with
    /// <c>Channel</c> and <c>EventID</c>, as the evtx JSON layout is named) gets <c>windows</c>.
    /// </param>
    /// <returns>The shaped record (a new event when shaped, else <paramref name="logEvent"/> with its source type set).</returns>
    public static LogEvent Shape(LogEvent logEvent, string? declared = null, string fallback = "")
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var kind = declared ?? Recognise(logEvent);
        switch (kind)
        {
            case M365Audit:
                return M365Shape.Shape(logEvent);
            case EntraSignIn:
                return EntraShape.Shape(logEvent);
            default:
                logEvent.SourceType = declared
                    ?? (fallback == Json && logEvent.Has(ChannelId) && logEvent.Has(EventIdId) ? Windows : fallback);
                if (kind == ExchangeHttpProxy && logEvent.Timestamp is null && ExportTime.TryParse(logEvent.Get("DateTime"), out var time))
                {
                    logEvent.Timestamp = time;
                }

                return logEvent;
        }
    }
}
