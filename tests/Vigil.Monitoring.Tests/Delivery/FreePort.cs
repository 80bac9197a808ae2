using System.Net;
using System.Net.Sockets;

namespace Vigil.Monitoring.Tests.Delivery;

/// <summary>A loopback port nothing listens on (at the time of asking).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
