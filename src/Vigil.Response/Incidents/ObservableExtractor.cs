using System.Net;

namespace Vigil.Response.Incidents;

/// <summary>
/// Picks observables out of an event's fields by field name: accounts (UserId, TargetUserName, user, ...), IP addresses
/// (ClientIP, IpAddress, src_ip, ...), domains and files. Values are checked (an "IP" that does not parse is skipped);
/// message text and other free fields are never read, so patient data in them is not copied.
/// </summary>
public static class ObservableExtractor
{
    private static readonly HashSet<string> Accounts = new(StringComparer.OrdinalIgnoreCase)
    {
        "UserId", "UserPrincipalName", "TargetUserName", "SubjectUserName", "user", "username", "src_user", "dst_user", "MailboxOwnerUPN", "Account",
    };

    private static readonly HashSet<string> Addresses = new(StringComparer.OrdinalIgnoreCase)
    {
        "ClientIP", "ClientIPAddress", "ActorIpAddress", "IpAddress", "src_ip", "dst_ip", "src", "SourceAddress", "ip", "client_ip",
    };

    private static readonly HashSet<string> Domains = new(StringComparer.OrdinalIgnoreCase) { "domain", "Domain", "TargetDomainName", "ForwardingDomain" };

    private static readonly HashSet<string> Files = new(StringComparer.OrdinalIgnoreCase) { "TargetFilename", "Image", "FileName", "file", "ObjectName" };

    /// <summary>The observables in <paramref name="fields"/>, each with <paramref name="source"/> (for example <c>event:42</c>).</summary>
    public static IReadOnlyList<Observable> Extract(IEnumerable<KeyValuePair<string, string?>> fields, string source)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var found = new List<Observable>();
        foreach (var (name, raw) in fields)
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value) || value == "-" || value.Length > 512)
            {
                continue;
            }

            if (Accounts.Contains(name))
            {
                found.Add(new Observable("account", value, source));
                if (value.IndexOf('@', StringComparison.Ordinal) is var at and > 0 && at < value.Length - 1)
                {
                    found.Add(new Observable("domain", value[(at + 1)..].ToLowerInvariant(), source));
                }
            }
            else if (Addresses.Contains(name) && IPAddress.TryParse(StripPort(value), out var address))
            {
                found.Add(new Observable("ip", address.ToString(), source));
            }
            else if (Domains.Contains(name) && Uri.CheckHostName(value) == UriHostNameType.Dns)
            {
                found.Add(new Observable("domain", value.ToLowerInvariant(), source));
            }
            else if (Files.Contains(name))
            {
                found.Add(new Observable("file", value, source));
            }
        }

        return [.. found.DistinctBy(o => (o.Kind, o.Value))];
    }

    private static string StripPort(string value)
    {
        // "203.0.113.9:443" and "[2001:db8::1]:443" carry a port; a bare IPv6 address has several colons.
        if (value.StartsWith('[') && value.IndexOf(']', StringComparison.Ordinal) is var close and > 0)
        {
            return value[1..close];
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon == value.LastIndexOf(':') ? value[..colon] : value;
    }
}
