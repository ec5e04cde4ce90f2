using System.Net;
using System.Net.Sockets;

namespace Moderation.Testing;

/// <summary>
/// Forwards a free local port to a real server, so a test can cut a dependency off (a store outage) and restore it
/// without stopping the server other tests share. Cutting closes every open connection and refuses new ones.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly object _gate = new();
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private TcpListener _listener;
    private Task _accepting;

    public TcpRelay(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_listener);
    }

    public int Port { get; }

    /// <summary>Closes every relayed connection and stops listening: clients see the server gone.</summary>
    public void Cut()
    {
        _listener.Stop();
        lock (_gate)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restore()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _accepting = AcceptAsync(_listener);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Cut();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => RelayAsync(inbound));
        }
    }

    private async Task RelayAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        lock (_gate)
        {
            _open.Add(inbound);
            _open.Add(outbound);
        }

        try
        {
            await outbound.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream(), _stop.Token);
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream(), _stop.Token);
            await Task.WhenAny(up, down);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
        }
    }
}
