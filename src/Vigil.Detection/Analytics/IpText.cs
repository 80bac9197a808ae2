using System.Net;
using System.Net.Sockets;

namespace Vigil.Detection.Analytics;

/// <summary>Reads the client addresses logs write (<c>1.2.3.4:9808</c>, <c>[v6]:port</c>, bare v6, <c>::ffff:1.2.3.4</c>).</summary>
internal static class IpText
{
    /// <summary>The address in <paramref name="text"/>, without port or brackets; false when there is none.</summary>
    public static bool TryParse(string? text, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.Length > 0 && span[0] == '[')
        {
            var close = span.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            span = span[1..close];
        }
        else if (span.IndexOf(':') is var colon and >= 0 && span.LastIndexOf(':') == colon)
        {
            // One colon: an IPv4 address with a port (IPv6 always has several).
            span = span[..colon];
        }

        if (!IPAddress.TryParse(span, out var parsed))
        {
            return false;
        }

        address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        return true;
    }

    /// <summary>Whether <paramref name="address"/> is private, loopback, link-local or otherwise not on the internet.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        // Read into the stack: GetAddressBytes allocated an array for each of the three analytics that ask.
        Span<byte> b = stackalloc byte[16];
        if (!address.TryWriteBytes(b, out _))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = b[0];
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (first & 0xFE) == 0xFC || address.Equals(IPAddress.IPv6Any);
        }

        return b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }

    /// <summary>The network an address belongs to for "new network": IPv4 /16, IPv6 /32 (a provider's allocation).</summary>
    public static string NetworkOf(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork
            ? $"{b[0]}.{b[1]}.0.0/16"
            : $"{b[0]:x2}{b[1]:x2}:{b[2]:x2}{b[3]:x2}::/32";
    }
}
