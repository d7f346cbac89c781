using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Interop.Ehr.Rest;
using Interop.Fhir.Serialization;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Interop.Ehr.Tests.Rest.FhirJsonBodies;

namespace Interop.Ehr.Tests.Rest;

/// <summary>The exact requests the adapter sends to an EHR, against WireMock on 127.0.0.1.</summary>
public sealed class FhirRestContractTests : IDisposable
{
    private readonly EhrTestHost _host = EhrTestHost.Start();

    public void Dispose() => _host.Dispose();

    private void Respond(string path, Resource body, int status = 200) =>
        _host.Server.Given(Request.Create().WithPath(path))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", FhirMediaType.Json).WithBody(Json(body)));

    [Fact]
    public async Task CapabilitiesAsync_Always_GetsMetadataAskingForFhirJson()
    {
        Respond("/fhir/metadata", new CapabilityStatement { Status = PublicationStatus.Active, Date = "2024-01-01", FhirVersion = FHIRVersion.N4_0_1, Kind = CapabilityStatementKind.Instance, Format = ["json"] });

        var capabilities = await _host.Client.CapabilitiesAsync(CancellationToken.None);

        Assert.Equal(FHIRVersion.N4_0_1, capabilities.FhirVersion);
        var request = Assert.Single(_host.Requests("/fhir/metadata"));
        Assert.Equal("GET", request.RequestMessage.Method);
        Assert.Equal(FhirMediaType.Json, request.Header("Accept"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task SearchAsync_TokenAndRepeatedParameters_EncodedInOrder()
    {
        Respond("/fhir/Observation", SearchSet([Observation("o1")]));

        var results = await _host.Client.SearchAsync(
            "Observation",
            [new("code", "http://loinc.org|78219-3,http://loinc.org|69548-6"), new("date", "ge2024-01-01T00:00:00+01:00"), new("date", "lt2025-01-01"), new("_count", "100")],
            CancellationToken.None).ToListAsync(CancellationToken.None);

        Assert.Equal("o1", Assert.Single(results).Id);
        var request = Assert.Single(_host.Requests("/fhir/Observation"));
        Assert.Equal(
            "code=http%3A%2F%2Floinc.org%7C78219-3%2Chttp%3A%2F%2Floinc.org%7C69548-6&date=ge2024-01-01T00%3A00%3A00%2B01%3A00&date=lt2025-01-01&_count=100",
            new Uri(request.RequestMessage.AbsoluteUrl).Query.TrimStart('?'));
        Assert.Equal(FhirMediaType.Json, request.Header("Accept"));
    }

    [Fact]
    public async Task SearchAsync_PreEncodedQuery_SentVerbatim()
    {
        Respond("/fhir/Observation", SearchSet([]));
        var api = Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService<IFhirRestApi>(_host.Services, EhrTestHost.Name);

        await api.SearchAsync("Observation", FhirSearchQuery.FromEncoded("?code=http%3A%2F%2Floinc.org%7C78219-3&_count=50"), CancellationToken.None);

        var request = Assert.Single(_host.Requests("/fhir/Observation"));
        Assert.Equal("?code=http%3A%2F%2Floinc.org%7C78219-3&_count=50", new Uri(request.RequestMessage.AbsoluteUrl).Query);
    }

    [Fact]
    public async Task SearchAsync_ThreePages_FollowsNextLinksYieldingMatchesAndIncludes()
    {
        var baseUrl = _host.BaseUrl.AbsoluteUri;
        _host.Server.Given(Request.Create().WithPath("/fhir/Observation").WithParam("code"))
            .RespondWith(Response.Create().WithHeader("Content-Type", FhirMediaType.Json)
                .WithBody(Json(SearchSet([Observation("o1"), Observation("o2")], $"{baseUrl}?_getpages=abc&_getpagesoffset=2&_count=2", includes: [Patient("p1")]))));
        _host.Server.Given(Request.Create().WithPath("/fhir").WithParam("_getpagesoffset", "2"))
            .RespondWith(Response.Create().WithHeader("Content-Type", FhirMediaType.Json)
                .WithBody(Json(SearchSet([Observation("o3")], $"{baseUrl}?_getpages=abc&_getpagesoffset=4&_count=2", outcomes: [Outcome(OperationOutcome.IssueType.Informational, "page 2")]))));
        _host.Server.Given(Request.Create().WithPath("/fhir").WithParam("_getpagesoffset", "4"))
            .RespondWith(Response.Create().WithHeader("Content-Type", FhirMediaType.Json).WithBody(Json(SearchSet([Observation("o4")]))));

        var results = await _host.Client.SearchAsync("Observation", [new("code", "http://loinc.org|78219-3"), new("_include", "Observation:subject")], CancellationToken.None)
            .ToListAsync(CancellationToken.None);

        Assert.Equal(["Observation/o1", "Observation/o2", "Patient/p1", "Observation/o3", "Observation/o4"], results.Select(r => $"{r.TypeName}/{r.Id}"));
        var pages = _host.Requests("/fhir");
        Assert.Equal(2, pages.Count);
        Assert.Equal("?_getpages=abc&_getpagesoffset=2&_count=2", new Uri(pages[0].RequestMessage.AbsoluteUrl).Query);
        Assert.All(pages, p => Assert.Equal(FhirMediaType.Json, p.Header("Accept")));
        Assert.Equal(3, _host.Client.RequestCount);
        Assert.Equal(3, _host.Counter.Attempts);
    }

    [Fact]
    public async Task SearchAsync_NextLinkToAnotherHost_RefusedWithoutContactingIt()
    {
        using var other = EhrTestHost.StartServer();
        other.Given(Request.Create()).RespondWith(Response.Create().WithHeader("Content-Type", FhirMediaType.Json).WithBody(Json(SearchSet([Observation("evil")]))));
        Respond("/fhir/Observation", SearchSet([Observation("o1")], $"{other.Urls[0]}/fhir?_getpages=abc&patient=secret"));

        var seen = new List<string?>();
        var error = await Assert.ThrowsAsync<FhirProtocolException>(async () =>
        {
            await foreach (var resource in _host.Client.SearchAsync("Observation", [new("code", "x")], CancellationToken.None))
            {
                seen.Add(resource.Id);
            }
        });

        Assert.Equal(["o1"], seen);
        Assert.Empty(other.LogEntries);
        Assert.Contains("another origin", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        other.Stop();
    }

    [Fact]
    public async Task GetPageAsync_AnotherHostThroughTheApi_RefusedByTheHandler()
    {
        using var other = EhrTestHost.StartServer();
        var api = Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService<IFhirRestApi>(_host.Services, EhrTestHost.Name);

        await Assert.ThrowsAsync<FhirProtocolException>(() => api.GetPageAsync(new Uri(other.Urls[0] + "/fhir?page=2"), CancellationToken.None));

        Assert.Empty(other.LogEntries);
        other.Stop();
    }

    [Fact]
    public async Task ReadAsync_TypedRead_GetsTypeAndId()
    {
        Respond("/fhir/Patient/p-1", Patient("p-1"));

        var patient = await _host.Client.ReadAsync<Patient>("p-1", CancellationToken.None);

        Assert.Equal("p-1", patient.Id);
        Assert.Equal("GET", Assert.Single(_host.Requests("/fhir/Patient/p-1")).RequestMessage.Method);
    }

    [Fact]
    public async Task TransactionAsync_Bundle_PostedToBaseAsFhirJson()
    {
        Respond("/fhir", new Bundle { Type = Bundle.BundleType.TransactionResponse });
        var transaction = new Bundle { Type = Bundle.BundleType.Transaction };
        transaction.Entry.Add(new Bundle.EntryComponent
        {
            Resource = Observation("o1"),
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = "Observation?identifier=https://fhir.blinfant-interop.org/sid/outcome|blinfant/eligibility/p1" },
        });

        var response = await _host.Client.TransactionAsync(transaction, CancellationToken.None);

        Assert.Equal(Bundle.BundleType.TransactionResponse, response.Type);
        var request = Assert.Single(_host.Requests("/fhir"));
        Assert.Equal("POST", request.RequestMessage.Method);
        Assert.StartsWith(FhirMediaType.Json, request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(FhirMediaType.Json, request.Header("Accept"));
        Assert.Equal(Json(transaction), request.RequestMessage.Body);
    }

    [Fact]
    public async Task SearchAsync_OperationOutcomeError_OneServerExceptionWithIssuesButNoQueryOrDiagnostics()
    {
        Respond("/fhir/Observation", Outcome(OperationOutcome.IssueType.Invalid, "Unknown patient Jane Doe 2024-01-01"), 400);

        var error = await Assert.ThrowsAsync<FhirServerException>(() =>
            _host.Client.SearchAsync("Observation", [new("patient", "Patient/secret-id")], CancellationToken.None).ToListAsync(CancellationToken.None).AsTask());

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("GET", error.Method);
        Assert.Equal("/fhir/Observation", error.Path);
        Assert.Equal(OperationOutcome.IssueType.Invalid, Assert.Single(error.Outcome!.Issue).Code);
        Assert.Contains("error invalid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", error.Message, StringComparison.Ordinal);
        Assert.Single(_host.Requests("/fhir/Observation"));
    }

    [Fact]
    public async Task ReadAsync_MalformedJson_ProtocolExceptionNamingTheProblem()
    {
        _host.Server.Given(Request.Create().WithPath("/fhir/Patient/p1"))
            .RespondWith(Response.Create().WithHeader("Content-Type", FhirMediaType.Json).WithBody("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"Doe\""));

        var error = await Assert.ThrowsAsync<FhirProtocolException>(() => _host.Client.ReadAsync<Patient>("p1", CancellationToken.None));

        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("GET /fhir/Patient/{id}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("p1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Doe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_InvalidFhir_ProtocolExceptionWithCodesOnly()
    {
        _host.Server.Given(Request.Create().WithPath("/fhir/Patient/p1"))
            .RespondWith(Response.Create().WithHeader("Content-Type", FhirMediaType.Json).WithBody("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"1st of May 2024\"}"));

        var error = await Assert.ThrowsAsync<FhirProtocolException>(() => _host.Client.ReadAsync<Patient>("p1", CancellationToken.None));

        Assert.Contains("not valid FHIR JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("May", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_Logging_HasMethodPathStatusButNeverTheQuery()
    {
        Respond("/fhir/Observation", SearchSet([]));

        await _host.Client.SearchAsync("Observation", [new("patient", "Patient/secret-id")], CancellationToken.None).ToListAsync(CancellationToken.None);

        var lines = _host.Logs.Messages.ToList();
        Assert.Contains(lines, l => l.Contains("GET /fhir/Observation -> 200", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("secret", StringComparison.Ordinal) || l.Contains("patient=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_LoggingAndErrors_NameTheTypeButNeverTheId()
    {
        Respond("/fhir/Patient/secret-patient-42", Patient("secret-patient-42"));
        Respond("/fhir/Patient/secret-patient-43", Outcome(OperationOutcome.IssueType.NotFound, "no such patient"), status: 404);

        await _host.Client.ReadAsync<Patient>("secret-patient-42", CancellationToken.None);
        var error = await Assert.ThrowsAsync<FhirServerException>(() => _host.Client.ReadAsync<Patient>("secret-patient-43", CancellationToken.None));

        var lines = _host.Logs.Messages.ToList();
        Assert.Contains(lines, l => l.Contains("GET /fhir/Patient/{id} -> 200", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("GET /fhir/Patient/{id} -> 404", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("secret-patient", StringComparison.Ordinal));
        Assert.Contains("GET /fhir/Patient/{id}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-patient", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/fhir/r4/Patient/p1", "/fhir/r4/Patient/{id}")]
    [InlineData("/fhir/Observation/o1/_history/3", "/fhir/Observation/{id}/_history/{vid}")]
    [InlineData("/fhir/Observation/_search", "/fhir/Observation/_search")]
    [InlineData("/fhir/Patient/$everything", "/fhir/Patient/$everything")]
    [InlineData("/fhir/metadata", "/fhir/metadata")]
    [InlineData("/fhir", "/fhir")]
    public void Path_WithResourceIds_IdsReplaced(string path, string described) =>
        Assert.Equal(described, RequestDescription.Path(new Uri("https://ehr.example.org" + path + "?patient=Patient/p1")));

    [Fact]
    public void Serializer_RoundTrip_UsesFirelyOptions()
    {
        var json = Json(Observation("o1"));
        Assert.IsType<Observation>(JsonSerializer.Deserialize<Resource>(json, FhirJson.Options));
    }
}
