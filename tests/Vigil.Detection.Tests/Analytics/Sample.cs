using Vigil.Detection.Analytics;
using Vigil.Events;

namespace Vigil.Detection.Tests.Analytics;

/// <summary>Builds the events the analytics read, with the field names the real parsers give (docs/sources.md).</summary>
internal static class Sample
{
    public static readonly DateTimeOffset T0 = new(2021, 8, 13, 2, 0, 0, TimeSpan.Zero);

    public static LogEvent Event(string sourceType, DateTimeOffset? time, params (string Name, string? Value)[] fields)
    {
        var e = new LogEvent { SourceType = sourceType, Timestamp = time, Source = "test" };
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                e.Add(name, value);
            }
        }

        return e;
    }

    /// <summary>An Entra sign-in (Sentinel names, as the parser adds them to every shape).</summary>
    public static LogEvent Entra(string user, string? ip, string code, DateTimeOffset time, string clientApp = "Browser") =>
        Event("entra.signin", time, ("UserPrincipalName", user), ("IPAddress", ip), ("ResultType", code), ("ClientAppUsed", clientApp));

    /// <summary>A UAL sign-in record (<c>UserLoggedIn</c>/<c>UserLoginFailed</c>).</summary>
    public static LogEvent Ual(string user, string ip, bool success, DateTimeOffset time) =>
        Event("m365.audit", time, ("Operation", success ? "UserLoggedIn" : "UserLoginFailed"), ("UserId", user),
            ("ClientIP", ip), ("ErrorNumber", success ? "0" : "50126"));

    public static LogEvent Windows(string eventId, string user, string ip, DateTimeOffset time) =>
        Event("windows", time, ("Channel", "Security"), ("EventID", eventId), ("TargetUserName", user), ("TargetDomainName", "CLINIC"), ("IpAddress", ip));

    public static LogEvent Dovecot(string service, string user, string ip, bool success, DateTimeOffset time) =>
        Event("dovecot", time, ("dovecot.service", service), ("auth.outcome", success ? "success" : "failure"), ("auth.user", user), ("auth.client_ip", ip));

    public static LogEvent MailItemsAccessed(string mailbox, DateTimeOffset time, int count = 1) =>
        Event("m365.audit", time, ("Operation", "MailItemsAccessed"), ("ResultStatus", "Succeeded"), ("MailboxOwnerUPN", mailbox),
            ("UserId", mailbox), ("OperationCount", count.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static LogEvent Tracking(string sender, string recipients, DateTimeOffset time, string eventId = "SEND", string directionality = "Originating") =>
        Event("exchange.tracking", time, ("event-id", eventId), ("source", "SMTP"), ("sender-address", sender),
            ("recipient-address", recipients), ("directionality", directionality));

    public static List<Engine.RuleMatch> Run(IAnalytic analytic, IEnumerable<LogEvent> events)
    {
        var output = new List<Engine.RuleMatch>();
        foreach (var e in events)
        {
            analytic.Observe(e, output);
        }

        return output;
    }
}
