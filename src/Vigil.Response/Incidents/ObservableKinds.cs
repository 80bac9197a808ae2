using System.Net;

namespace Vigil.Response.Incidents;

/// <summary>The kinds of observable and the check a value added by hand must pass.</summary>
public static class ObservableKinds
{
    /// <summary>account, ip, domain, file, url, hash.</summary>
    public static readonly IReadOnlyList<string> All = ["account", "ip", "domain", "file", "url", "hash"];

    /// <summary>The value as stored (trimmed; addresses and domains normalised), or null with the reason it is refused.</summary>
    public static (string? Value, string? Reason) Check(string? kind, string? value)
    {
        var v = value?.Trim();
        if (kind is null || !All.Contains(kind, StringComparer.Ordinal))
        {
            return (null, $"kind: one of {string.Join(", ", All)}");
        }

        if (string.IsNullOrEmpty(v) || v.Length > 512)
        {
            return (null, "value: 1 to 512 characters");
        }

        return kind switch
        {
            "ip" => IPAddress.TryParse(v, out var address) ? (address.ToString(), null) : (null, "value: not an IP address"),
            "domain" => Uri.CheckHostName(v) == UriHostNameType.Dns ? (v.ToLowerInvariant(), null) : (null, "value: not a domain name"),
            "url" => Uri.TryCreate(v, UriKind.Absolute, out _) ? (v, null) : (null, "value: not an absolute URL"),
            "hash" => v.Length is 32 or 40 or 64 or 128 && v.All(Uri.IsHexDigit) ? (v.ToLowerInvariant(), null) : (null, "value: an MD5, SHA-1, SHA-256 or SHA-512 in hex"),
            _ => (v, null),
        };
    }
}
