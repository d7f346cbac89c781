using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Interop.Ehr.Tests.Rest;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 for faults WireMock.Net cannot make: a TCP reset (RST) after the
/// request was read, and a response held back past the attempt timeout. Each connection takes the next
/// step of the script (the last step repeats); every response closes its connection.
/// </summary>
internal sealed class ScriptedHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, Step> _script;
    private readonly CancellationTokenSource _stop = new();
    private int _connections;
    private int _requestsRead;

    public ScriptedHttpServer(params Step[] steps)
    {
        _script = i => steps[Math.Min(i, steps.Length - 1)];
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/fhir");

    /// <summary>Requests whose head and body the server read completely (it could have processed them).</summary>
    public int RequestsRead => Volatile.Read(ref _requestsRead);

    public static Step Reset() => new(null, TimeSpan.Zero, true);

    public static Step Respond(string json, int status = 200, TimeSpan delay = default) => new(json, delay, false)
    {
        Status = status,
    };

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var step = _script(Interlocked.Increment(ref _connections) - 1);
            _ = ServeAsync(socket, step);
        }
    }

    private async Task ServeAsync(Socket socket, Step step)
    {
        try
        {
            await ReadRequestAsync(socket);
            Interlocked.Increment(ref _requestsRead);
            if (step.Reset)
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
                return;
            }

            await Task.Delay(step.Delay, _stop.Token);
            var body = Encoding.UTF8.GetBytes(step.Json ?? string.Empty);
            var head = Encoding.ASCII.GetBytes(
                $"HTTP/1.1 {step.Status} X\r\nContent-Type: application/fhir+json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            await socket.SendAsync(head.Concat(body).ToArray(), SocketFlags.None);
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            socket.Dispose();
        }
    }

    private static async Task ReadRequestAsync(Socket socket)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None);
            if (n == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            received.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        var head = Encoding.ASCII.GetString(received.GetRange(0, headEnd).ToArray());
        var length = head.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim())).FirstOrDefault();
        while (received.Count - headEnd - 4 < length)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None);
            if (n == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            received.AddRange(buffer.AsSpan(0, n).ToArray());
        }
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    public sealed record Step(string? Json, TimeSpan Delay, bool Reset)
    {
        public int Status { get; init; } = 200;
    }
}
