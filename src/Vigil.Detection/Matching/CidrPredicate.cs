using System.Net;
using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary><c>cidr</c>: the value is an IPv4 or IPv6 address inside the network. IPv4-mapped IPv6 counts as IPv4.</summary>
internal sealed class CidrPredicate : ValuePredicate
{
    private readonly IPNetwork _network;

    private CidrPredicate(IPNetwork network) => _network = network;

    public static ValuePredicate? Create(string text, out string? error)
    {
        if (IPNetwork.TryParse(text.Trim(), out var network))
        {
            error = null;
            return new CidrPredicate(network);
        }

        // A bare address is a host network.
        if (IPAddress.TryParse(text.Trim(), out var address))
        {
            error = null;
            return new CidrPredicate(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
        }

        error = $"'{text}' is not a CIDR network (such as 10.0.0.0/8 or fe80::/10)";
        return null;
    }

    public override bool Test(string value, LogEvent e)
    {
        if (!IPAddress.TryParse(value.AsSpan().Trim(), out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6 && _network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            address = address.MapToIPv4();
        }

        return _network.Contains(address);
    }
}
