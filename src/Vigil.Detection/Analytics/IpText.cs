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
    /// <remarks>
    /// Written without allocating when the network was met lately: sign-ins come from few networks, and each sign-in
    /// parses its own address (this ran for every sign-in; its garbage was a tenth of the live detector's).
    /// </remarks>
    public static string NetworkOf(IPAddress address)
    {
        Span<byte> b = stackalloc byte[16];
        if (!address.TryWriteBytes(b, out _))
        {
            return Network(address.GetAddressBytes(), address.AddressFamily);
        }

        var v4 = address.AddressFamily == AddressFamily.InterNetwork;
        var key = v4 ? (b[0] << 8) | b[1] : (1L << 32) | ((long)b[0] << 24) | ((long)b[1] << 16) | ((long)b[2] << 8) | b[3];
        var networks = _networks ??= new Dictionary<long, string>();
        if (!networks.TryGetValue(key, out var network))
        {
            if (networks.Count >= MaxNetworks)
            {
                networks.Clear();
            }

            network = Network(b, address.AddressFamily);
            networks[key] = network;
        }

        return network;
    }

    private static string Network(ReadOnlySpan<byte> b, AddressFamily family) =>
        family == AddressFamily.InterNetwork
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{b[0]}.{b[1]}.0.0/16")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{b[0]:x2}{b[1]:x2}:{b[2]:x2}{b[3]:x2}::/32");

    /// <summary>
    /// The canonical text of <paramref name="address"/>: <paramref name="text"/> itself when it already is (the usual
    /// case: a log writes the address as the parser reads it), so that no string is made for it.
    /// </summary>
    public static string Canonical(IPAddress address, string text)
    {
        Span<char> written = stackalloc char[64];
        return address.TryFormat(written, out var length) && written[..length].SequenceEqual(text) ? text : address.ToString();
    }

    // Networks written lately, per thread (analytics run on one thread each): by /16 (IPv4) or /32 (IPv6) prefix.
    private const int MaxNetworks = 4096;

    [ThreadStatic]
    private static Dictionary<long, string>? _networks;
}
