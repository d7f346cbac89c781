using System.Net;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Interop.Ehr.DependencyInjection;
using Interop.Ehr.Rest;
using Interop.Fhir.Serialization;
using Interop.Testing;
using Interop.Sync;
using Interop.Sync.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Worker.Tests.Live;

/// <summary>A FHIR "server" in process that answers /metadata with a given CapabilityStatement and 404 to anything else, recording each request.</summary>
internal sealed class StubFhirServer : IDisposable
{
    private readonly ServiceProvider _services;

    public StubFhirServer(CapabilityStatement capabilities)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFhirEhrClient("stub", o => o.BaseUrl = new Uri("http://127.0.0.1:9/fhir/"));
        services.AddHttpClient("Interop.Ehr.Fhir.stub").ConfigurePrimaryHttpMessageHandler(() => new Handler(this, capabilities));
        _services = services.BuildServiceProvider();
        Client = _services.GetRequiredKeyedService<FhirClient>("stub");
    }

    public FhirClient Client { get; }

    public List<string> Requests { get; } = [];

    public System.Threading.Tasks.Task<RunReport> SyncAsync(LiveEhr ehr) =>
        ehr.Runner().RunAsync(new LiveSyncRequest("stub", Client, [RepositoryPaths.SampleSiteMap], DryRun: false), LiveEhr.AsOf(), CancellationToken.None);

    public void Dispose() => _services.Dispose();

    private sealed class Handler(StubFhirServer owner, CapabilityStatement capabilities) : HttpMessageHandler
    {
        protected override System.Threading.Tasks.Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (owner.Requests)
            {
                owner.Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            }

            var found = request.RequestUri!.AbsolutePath.EndsWith("/metadata", StringComparison.Ordinal);
            var body = found
                ? JsonSerializer.Serialize(capabilities, FhirJson.Options)
                : """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found"}]}""";
            var response = new HttpResponseMessage(found ? HttpStatusCode.OK : HttpStatusCode.NotFound)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/fhir+json"),
            };
            return Task.FromResult(response);
        }
    }
}
