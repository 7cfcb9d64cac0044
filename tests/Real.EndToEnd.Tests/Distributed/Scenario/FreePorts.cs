using System.Net;
using System.Net.Sockets;

namespace Real.EndToEnd.Tests.Distributed.Scenario;

/// <summary>Finds a run of consecutive free TCP ports on loopback (the four services' HTTP ports, a throwaway server's).</summary>
public static class FreePorts
{
    public static int Consecutive(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var start = Random.Shared.Next(20_000, 40_000);
            if (Enumerable.Range(start, count).All(IsFree))
            {
                return start;
            }
        }

        throw new InvalidOperationException($"No {count} consecutive free ports found between 20000 and 40000.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
