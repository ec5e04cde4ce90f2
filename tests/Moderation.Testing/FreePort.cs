using System.Net;
using System.Net.Sockets;

namespace Moderation.Testing;

/// <summary>A loopback TCP port nothing listens on right now, for a process the test starts.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
