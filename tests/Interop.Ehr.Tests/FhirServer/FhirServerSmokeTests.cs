using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;
using Interop.Testing;
using Task = System.Threading.Tasks.Task;

namespace Interop.Ehr.Tests.FhirServer;

/// <summary>
/// Proves that the local FHIR server (tests/fhir-server) does what the adapter's live sync relies
/// on, through plain HTTP and Firely's JSON.
/// </summary>
public sealed class FhirServerSmokeTests(FhirServerClassFixture fixture) : IClassFixture<FhirServerClassFixture>
{
    private const string OutcomeSystem = "https://fhir.blinfant-interop.org/sid/outcome";

    [Fact]
    public async Task Metadata_LocalServer_StatesTransactionConditionalUpdateAndSearches()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(new Uri("metadata", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var capabilities = await ReadAsync<CapabilityStatement>(response);
        Assert.Equal(FHIRVersion.N4_0_1, capabilities.FhirVersion);
        var rest = Assert.Single(capabilities.Rest);
        Assert.Contains(rest.Interaction, i => i.Code == CapabilityStatement.SystemRestfulInteraction.Transaction);
        var observation = Assert.Single(rest.Resource, r => r.Type == "Observation");
        Assert.True(observation.ConditionalUpdate);
        Assert.Contains(observation.Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.SearchType);
        var searchParams = observation.SearchParam.Select(p => p.Name).ToList();
        Assert.All(["_lastUpdated", "code", "subject", "patient", "identifier"], name => Assert.Contains(name, searchParams));
    }

    [Fact]
    public async Task Transaction_ConditionalPutByIdentifier_CreatesThenUpdatesSameResource()
    {
        using var client = fixture.CreateClient();
        var patientId = await CreatePatientAsync(client);
        var identifier = $"blinfant/eligibility/{patientId}";

        var created = await PostAsync<Bundle>(client, "", WriteBack(patientId, identifier, ObservationStatus.Final));
        var updated = await PostAsync<Bundle>(client, "", WriteBack(patientId, identifier, ObservationStatus.Amended));

        Assert.Equal(Bundle.BundleType.TransactionResponse, created.Type);
        Assert.StartsWith("201", created.Entry[0].Response!.Status, StringComparison.Ordinal);
        Assert.StartsWith("200", updated.Entry[0].Response!.Status, StringComparison.Ordinal);
        var first = Assert.IsType<Observation>(created.Entry[0].Resource);
        var second = Assert.IsType<Observation>(updated.Entry[0].Resource);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("1", first.Meta?.VersionId);
        Assert.Equal("2", second.Meta?.VersionId);
        var provenance = Assert.IsType<Provenance>(updated.Entry[1].Resource);
        Assert.Equal($"Observation/{second.Id}", Assert.Single(provenance.Target).Reference);

        var found = await GetAsync<Bundle>(client, $"Observation?identifier={Uri.EscapeDataString(OutcomeSystem + "|" + identifier)}");
        Assert.Equal(1, found.Total);
        Assert.Equal(ObservationStatus.Amended, Assert.IsType<Observation>(Assert.Single(found.Entry).Resource).Status);
    }

    [Fact]
    public async Task ConditionalPut_IdentifierMatchingTwo_Returns412WithOperationOutcome()
    {
        using var client = fixture.CreateClient();
        var patientId = await CreatePatientAsync(client);
        var identifier = $"blinfant/duplicate/{patientId}";
        await PostAsync<Observation>(client, "Observation", Outcome(patientId, identifier, ObservationStatus.Final));
        await PostAsync<Observation>(client, "Observation", Outcome(patientId, identifier, ObservationStatus.Final));

        using var response = await SendAsync(client, HttpMethod.Post, "", WriteBack(patientId, identifier, ObservationStatus.Amended));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var outcome = await ReadAsync<OperationOutcome>(response);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, outcome.Issue[0].Severity);
    }

    [Fact]
    public async Task Search_ByCodeOrList_PagesThroughNextLinks()
    {
        using var client = fixture.CreateClient();
        var patientId = await CreatePatientAsync(client);
        var load = new Bundle { Type = Bundle.BundleType.Transaction };
        for (var i = 0; i < 25; i++)
        {
            var observation = Outcome(patientId, $"smoke/page/{patientId}/{i}", ObservationStatus.Final);
            observation.Code = new CodeableConcept("http://loinc.org", i % 2 == 0 ? "26464-8" : "6690-2");
            load.Entry.Add(new Bundle.EntryComponent
            {
                Resource = observation,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Observation" },
            });
        }

        await PostAsync<Bundle>(client, "", load);

        var ids = new HashSet<string>();
        var pages = 0;
        string? next = $"Observation?code=http://loinc.org|26464-8,http://loinc.org|6690-2&subject=Patient/{patientId}&_count=10";
        while (next is not null)
        {
            var page = await GetAsync<Bundle>(client, next);
            pages++;
            Assert.Equal(25, page.Total);
            ids.UnionWith(page.Entry.Select(e => e.Resource!.Id!));
            next = page.NextLink?.ToString();
        }

        Assert.Equal(3, pages);
        Assert.Equal(25, ids.Count);
    }

    [Fact]
    public async Task Search_LastUpdatedAfterWrite_FindsOnlyLaterResources()
    {
        using var client = fixture.CreateClient();
        var patientId = await CreatePatientAsync(client);
        var before = await PostAsync<Observation>(client, "Observation", Outcome(patientId, $"smoke/lu/{patientId}/1", ObservationStatus.Final));
        await Task.Delay(20);
        var after = await PostAsync<Observation>(client, "Observation", Outcome(patientId, $"smoke/lu/{patientId}/2", ObservationStatus.Final));

        var since = Uri.EscapeDataString(before.Meta!.LastUpdated!.Value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        var found = await GetAsync<Bundle>(client, $"Observation?_lastUpdated=gt{since}&patient={patientId}");

        Assert.Equal([after.Id], found.Entry.Select(e => e.Resource!.Id));
    }

    [Fact]
    public async Task BearerServer_WithoutAndWithToken_Returns401Then200()
    {
        await using var server = new FhirServerFixture(new FhirServerOptions { BearerToken = "smoke-token" });
        await server.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUri };

        using var anonymous = await client.GetAsync(new Uri("Patient", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("Patient", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "smoke-token");
        using var authorized = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
    }

    private static Observation Outcome(string patientId, string identifier, ObservationStatus status) => new()
    {
        Status = status,
        Identifier = [new Identifier(OutcomeSystem, identifier)],
        Code = new CodeableConcept("https://fhir.blinfant-interop.org/CodeSystem/blinfant", "eligibility"),
        Subject = new ResourceReference($"Patient/{patientId}"),
    };

    private static Bundle WriteBack(string patientId, string identifier, ObservationStatus status)
    {
        var placeholder = "urn:uuid:" + Guid.NewGuid();
        return new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry =
            [
                new Bundle.EntryComponent
                {
                    FullUrl = placeholder,
                    Resource = Outcome(patientId, identifier, status),
                    Request = new Bundle.RequestComponent
                    {
                        Method = Bundle.HTTPVerb.PUT,
                        Url = $"Observation?identifier={Uri.EscapeDataString(OutcomeSystem + "|" + identifier)}",
                    },
                },
                new Bundle.EntryComponent
                {
                    Resource = new Provenance
                    {
                        Target = [new ResourceReference(placeholder)],
                        Recorded = DateTimeOffset.UtcNow,
                        Agent = [new Provenance.AgentComponent { Who = new ResourceReference { Display = "Interop smoke test" } }],
                    },
                    Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Provenance" },
                },
            ],
        };
    }

    private static async Task<string> CreatePatientAsync(HttpClient client)
    {
        var patient = await PostAsync<Patient>(client, "Patient", new Patient { BirthDate = "2025-01-01" });
        return patient.Id ?? throw new InvalidOperationException("The server gave the Patient no id");
    }

    private static async Task<T> GetAsync<T>(HttpClient client, string relativeUri)
        where T : Resource
    {
        using var response = await client.GetAsync(new Uri(relativeUri, UriKind.RelativeOrAbsolute));
        return await ReadSuccessAsync<T>(response);
    }

    private static async Task<T> PostAsync<T>(HttpClient client, string relativeUri, Resource body)
        where T : Resource
    {
        using var response = await SendAsync(client, HttpMethod.Post, relativeUri, body);
        return await ReadSuccessAsync<T>(response);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string relativeUri, Resource body)
    {
        using var request = new HttpRequestMessage(method, new Uri(relativeUri, UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), FhirJson.Options)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        return await client.SendAsync(request);
    }

    private static async Task<T> ReadSuccessAsync<T>(HttpResponseMessage response)
        where T : Resource
    {
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await ReadAsync<T>(response);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
        where T : Resource
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        return await JsonSerializer.DeserializeAsync<T>(stream, FhirJson.Options)
            ?? throw new InvalidOperationException("Empty FHIR response body");
    }
}
