using System.Text;
using Vigil.Detection.Engine;
using Vigil.Events;

namespace Vigil.Monitoring.Live;

/// <summary>What makes two detections of one rule the same alert.</summary>
/// <remarks>
/// A correlation's group-by values say it. For a plain rule, the account and the machine or address involved: the
/// first present of a list of user fields and of host fields, across the log sources Vigil reads. Two detections of
/// one rule on the same account and host within the grouping window are one alert with a count, which is what an
/// analyst wants from a burst (Sentinel and Wazuh group the same way).
/// </remarks>
internal static class AlertKeys
{
    private static readonly string[] UserFields =
    [
        "TargetUserName", "SubjectUserName", "UserId", "userPrincipalName", "UserPrincipalName", "user", "User",
        "sasl_username", "cs-username", "AccountName", "sender-address",
    ];

    private static readonly string[] HostFields =
    [
        "Computer", "syslog.hostname", "ClientIP", "ipAddress", "IpAddress", "c-ip", "rip", "client_ip", "s-computername",
    ];

    public static string For(RuleMatch match)
    {
        if (match.GroupBy.Count > 0)
        {
            var key = new StringBuilder();
            foreach (var (name, value) in match.GroupBy.OrderBy(static p => p.Key, StringComparer.Ordinal))
            {
                key.Append(key.Length == 0 ? "" : ";").Append(name).Append('=').Append(value);
            }

            return key.ToString();
        }

        var user = First(match.Event, UserFields);
        var host = First(match.Event, HostFields);
        return user is null && host is null ? "" : $"{user}@{host}";
    }

    private static string? First(LogEvent e, string[] names)
    {
        foreach (var name in names)
        {
            var value = e.Get(name);
            if (!string.IsNullOrEmpty(value) && value != "-")
            {
                return value;
            }
        }

        return null;
    }
}
