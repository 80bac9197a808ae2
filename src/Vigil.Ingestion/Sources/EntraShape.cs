using Vigil.Events;
using Vigil.Ingestion.Timestamps;

namespace Vigil.Ingestion.Sources;

/// <summary>Recognises Entra ID sign-in records (Graph, Azure Monitor diagnostic export, Sentinel) and names them alike.</summary>
/// <remarks>
/// <para>
/// Graph <c>auditLogs/signIns</c> objects keep their camelCase names (<c>userPrincipalName</c>, <c>ipAddress</c>,
/// <c>status.errorCode</c>, <c>location.countryOrRegion</c>…). An Azure Monitor record (<c>category</c> a sign-in
/// category, <c>properties</c> the Graph object) has <c>properties.*</c> lifted to top level, its own top-level fields
/// (<c>time</c>, <c>category</c>, <c>resultType</c>, <c>callerIpAddress</c>…) kept. Sentinel <c>SigninLogs</c> rows keep
/// their PascalCase names; JSON-text columns (<c>LocationDetails</c>, <c>Status</c>, <c>DeviceDetail</c>…) are also
/// flattened (<c>LocationDetails.countryOrRegion</c>).
/// </para>
/// <para>
/// Graph-named records also get the Sentinel names Sigma's sign-in rules use, when absent: <c>UserPrincipalName</c>,
/// <c>IPAddress</c>, <c>AppDisplayName</c>, <c>ClientAppUsed</c>, <c>ResultType</c> (= <c>status.errorCode</c>),
/// <c>ResultDescription</c>, <c>Location</c> (= country), <c>LocationDetails.*</c>, <c>Status.*</c>,
/// <c>DeviceDetail.*</c>, <c>AuthenticationRequirement</c> and the like.
/// </para>
/// </remarks>
internal static class EntraShape
{
    private const string Properties = "properties.";

    private static readonly HashSet<string> Categories = new(StringComparer.OrdinalIgnoreCase)
    {
        "SignInLogs", "NonInteractiveUserSignInLogs", "ServicePrincipalSignInLogs", "ManagedIdentitySignInLogs", "ADFSSignInLogs",
    };

    private static readonly int CategoryId = FieldNames.Intern("category");
    private static readonly int CreatedId = FieldNames.Intern("createdDateTime");
    private static readonly int UpnId = FieldNames.Intern("userPrincipalName");
    private static readonly int IpId = FieldNames.Intern("ipAddress");
    private static readonly int ErrorCodeId = FieldNames.Intern("status.errorCode");
    private static readonly int ClientAppId = FieldNames.Intern("clientAppUsed");
    private static readonly int SentinelUpnId = FieldNames.Intern("UserPrincipalName");
    private static readonly int ResultTypeId = FieldNames.Intern("ResultType");
    private static readonly int SentinelIpId = FieldNames.Intern("IPAddress");

    private static readonly string[] JsonColumns =
        ["LocationDetails", "Status", "DeviceDetail", "MfaDetail", "ConditionalAccessPolicies", "AuthenticationDetails"];

    private static readonly (string From, string To)[] SentinelNames =
    [
        ("createdDateTime", "CreatedDateTime"), ("userPrincipalName", "UserPrincipalName"), ("userDisplayName", "UserDisplayName"),
        ("userId", "UserId"), ("appId", "AppId"), ("appDisplayName", "AppDisplayName"), ("ipAddress", "IPAddress"),
        ("clientAppUsed", "ClientAppUsed"), ("conditionalAccessStatus", "ConditionalAccessStatus"), ("isInteractive", "IsInteractive"),
        ("riskDetail", "RiskDetail"), ("riskLevelAggregated", "RiskLevelAggregated"), ("riskLevelDuringSignIn", "RiskLevelDuringSignIn"),
        ("riskState", "RiskState"), ("resourceDisplayName", "ResourceDisplayName"), ("authenticationRequirement", "AuthenticationRequirement"),
        ("userAgent", "UserAgent"), ("correlationId", "CorrelationId"), ("resultType", "ResultType"), ("status.errorCode", "ResultType"),
        ("resultDescription", "ResultDescription"), ("status.failureReason", "ResultDescription"), ("location.countryOrRegion", "Location"),
    ];

    private static readonly (string From, string To)[] SentinelPrefixes =
        [("location.", "LocationDetails."), ("status.", "Status."), ("deviceDetail.", "DeviceDetail.")];

    /// <summary>Whether <paramref name="logEvent"/> is a sign-in record in one of the shapes.</summary>
    public static bool Matches(LogEvent logEvent) =>
        (logEvent.IndexOf(CategoryId) is var category and >= 0 && logEvent.ValueAt(category) is { } name && Categories.Contains(name))
        || (logEvent.Has(CreatedId) && (logEvent.Has(UpnId) || logEvent.Has(IpId)) && (logEvent.Has(ErrorCodeId) || logEvent.Has(ClientAppId)))
        || (logEvent.Has(SentinelUpnId) && logEvent.Has(ResultTypeId)
            && (logEvent.Has(SentinelIpId) || logEvent.Get("Type") is "SigninLogs" or "AADNonInteractiveUserSignInLogs"));

    /// <summary>The record with the names described; a new event.</summary>
    public static LogEvent Shape(LogEvent logEvent)
    {
        var result = new LogEvent(logEvent.Count + 16) { Source = logEvent.Source, Record = logEvent.Record };
        var lift = logEvent.Has(CategoryId);
        foreach (var (name, value) in logEvent.Fields())
        {
            var lifted = lift && name.StartsWith(Properties, StringComparison.Ordinal) ? name[Properties.Length..] : name;
            result.Add(lifted, value);
            if (Array.IndexOf(JsonColumns, name) >= 0 && value is not null && value.StartsWith('{') && FlatEvents.Flatten(value) is { } inner)
            {
                foreach (var (innerName, innerValue) in inner.Fields())
                {
                    result.Add(name + "." + innerName, innerValue);
                }
            }
        }

        AddSentinelNames(result);
        result.SourceType = SourceTypes.EntraSignIn;
        result.Timestamp = EventTime.Find(result) ?? (ExportTime.TryParse(result.Get("CreatedDateTime"), out var time) ? time : logEvent.Timestamp);
        return result;
    }

    private static void AddSentinelNames(LogEvent result)
    {
        var count = result.Count;
        foreach (var (from, to) in SentinelNames)
        {
            var toId = FieldNames.Intern(to);
            if (!result.Has(toId) && result.Get(from) is { } value)
            {
                result.Add(toId, value);
            }
        }

        foreach (var (from, to) in SentinelPrefixes)
        {
            for (var i = 0; i < count; i++)
            {
                var name = result.NameAt(i);
                if (name.StartsWith(from, StringComparison.Ordinal))
                {
                    var alias = FieldNames.Intern(to + name[from.Length..]);
                    if (!result.Has(alias))
                    {
                        result.Add(alias, result.ValueAt(i));
                    }
                }
            }
        }
    }
}
