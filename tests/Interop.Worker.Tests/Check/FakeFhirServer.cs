using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;

namespace Interop.Worker.Tests.Check;

/// <summary>Answers GET /fhir/metadata with the given statement and any other GET with an empty searchset.</summary>
internal sealed class FakeFhirServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _metadata;

    private FakeFhirServer(CapabilityStatement capabilities, int port)
    {
        _metadata = JsonSerializer.Serialize(capabilities, FhirJson.Options);
        BaseUrl = $"http://127.0.0.1:{port}/fhir";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
    }

    public string BaseUrl { get; }

    public static FakeFhirServer Start(CapabilityStatement capabilities)
    {
        var server = new FakeFhirServer(capabilities, FreePort());
        server._listener.Start();
        _ = server.ServeAsync();
        return server;
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose() => ((IDisposable)_listener).Dispose();

    private async System.Threading.Tasks.Task ServeAsync()
    {
        var empty = JsonSerializer.Serialize(new Bundle { Type = Bundle.BundleType.Searchset, Total = 0 }, FhirJson.Options);
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var body = Encoding.UTF8.GetBytes(context.Request.Url!.AbsolutePath.EndsWith("/metadata", StringComparison.Ordinal) ? _metadata : empty);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/fhir+json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
