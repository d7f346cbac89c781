using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interop.Worker.Tests.Api;

namespace Interop.Worker.Tests.CdsHooks;

/// <summary>The CDS Hooks 2.0 shapes as a CDS client sees them: raw JSON over HTTP, with the read key.</summary>
[Collection(ApiCollection.Name)]
public sealed class CdsHooksTests(ApiServer server)
{
    private const string Service = "/cds-services/blinfant-trial-status";

    [Fact]
    public async Task Discovery_ReadKey_DescribesThePatientViewServiceWithPatientPrefetch()
    {
        using var http = server.Http(ApiServer.ReadKey);

        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/cds-services", UriKind.Relative)));

        var service = Assert.Single(json.RootElement.GetProperty("services").EnumerateArray());
        Assert.Equal("patient-view", service.GetProperty("hook").GetString());
        Assert.Equal("blinfant-trial-status", service.GetProperty("id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(service.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(service.GetProperty("description").GetString()));
        var prefetch = service.GetProperty("prefetch");
        Assert.Equal("Patient/{{context.patientId}}", prefetch.GetProperty("patient").GetString());
        Assert.Single(prefetch.EnumerateObject());
    }

    [Fact]
    public async Task Discovery_NoCredentials_Is401()
    {
        using var http = server.Http();

        using var response = await http.GetAsync(new Uri("/cds-services", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("p-eligible", "info", "eligible, all 7 inclusion criteria met")]
    [InlineData("p-ineligible", "info", "not eligible (KMT2A rearranged (risk group MR or HR) not met)")]
    [InlineData("p-undetermined", "warning", "missing CD19-positive blasts; M1 or M2 marrow after induction")]
    [InlineData("p-onstudy", "info", "on study, blinatumomab day 12 of 28")]
    [InlineData("p-followup", "info", "in follow-up after blinatumomab, MRD negative")]
    public async Task PatientView_KnownPatient_OneCardWithSummaryAndIndicator(string patientId, string indicator, string summaryPart)
    {
        var (status, json) = await PostAsync(Request(patientId));

        Assert.Equal(HttpStatusCode.OK, status);
        var card = Assert.Single(json.GetProperty("cards").EnumerateArray());
        var summary = card.GetProperty("summary").GetString()!;
        Assert.True(summary.Length < 140, summary);
        Assert.Contains(summaryPart, summary, StringComparison.Ordinal);
        Assert.Equal(indicator, card.GetProperty("indicator").GetString());
        Assert.True(Guid.TryParse(card.GetProperty("uuid").GetString(), out _));
        Assert.False(string.IsNullOrWhiteSpace(card.GetProperty("source").GetProperty("label").GetString()));
        Assert.Equal(JsonValueKind.String, card.GetProperty("detail").ValueKind);
    }

    [Fact]
    public async Task PatientView_Ineligible_DetailGivesTheReasonInWords()
    {
        var (_, json) = await PostAsync(Request("p-ineligible"));

        var detail = json.GetProperty("cards")[0].GetProperty("detail").GetString()!;
        Assert.Contains("- KMT2A rearranged (risk group MR or HR): " + SeedSubjects.KmtReason, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("CD19", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_Undetermined_DetailSaysWhatIsMissing()
    {
        var (_, json) = await PostAsync(Request("p-undetermined"));

        var detail = json.GetProperty("cards")[0].GetProperty("detail").GetString()!;
        Assert.Contains("M1 or M2 marrow after induction: " + SeedSubjects.MarrowReason, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_UnknownPatient_NoCards()
    {
        var (status, json) = await PostAsync(Request("p-not-in-the-store"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("cards").ValueKind);
        Assert.Equal(0, json.GetProperty("cards").GetArrayLength());
    }

    [Fact]
    public async Task PatientView_OnTwoEhrs_CardOfTheMostRecentlyUpdated()
    {
        var (status, json) = await PostAsync(Request("p-shared"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(json.GetProperty("cards").EnumerateArray());
    }

    [Fact]
    public async Task PatientView_PrefetchedPatientMatching_UsesIt()
    {
        var request = Request("p-onstudy");
        request["prefetch"] = new JsonObject { ["patient"] = Patient("p-onstudy") };

        var (status, json) = await PostAsync(request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("day 12 of 28", json.GetProperty("cards")[0].GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_PrefetchNull_IsIgnored()
    {
        var request = Request("p-eligible");
        request["prefetch"] = new JsonObject { ["patient"] = null };

        var (status, json) = await PostAsync(request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(json.GetProperty("cards").EnumerateArray());
    }

    [Theory]
    [InlineData("mismatched")]
    [InlineData("not-a-patient")]
    [InlineData("not-fhir")]
    public async Task PatientView_BadPrefetch_Is400(string flaw)
    {
        var request = Request("p-onstudy");
        request["prefetch"] = new JsonObject
        {
            ["patient"] = flaw switch
            {
                "mismatched" => Patient("p-eligible"),
                "not-a-patient" => new JsonObject { ["resourceType"] = "Observation", ["id"] = "p-onstudy" },
                _ => new JsonObject { ["resourceType"] = "Patient", ["id"] = "p-onstudy", ["birthDate"] = 2025 },
            },
        };

        var (status, json) = await PostAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.DoesNotContain("2025", json.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hook", "order-select")]
    [InlineData("hookInstance", "")]
    [InlineData("patientId", "not a fhir id")]
    public async Task PatientView_BadRequestField_Is400(string field, string value)
    {
        var request = Request("p-eligible");
        if (field == "patientId")
        {
            request["context"]!["patientId"] = value;
        }
        else
        {
            request[field] = value;
        }

        var (status, _) = await PostAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Service_UnknownId_Is404()
    {
        var (status, _) = await PostAsync(Request("p-eligible"), "/cds-services/another-service");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Service_NoCredentials_Is401()
    {
        using var http = server.Http();
        using var content = new StringContent(Request("p-eligible").ToJsonString(), Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri(Service, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>A patient-view request as the CDS Hooks 2.0 specification shows it.</summary>
    private static JsonObject Request(string patientId) => new()
    {
        ["hookInstance"] = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
        ["fhirServer"] = "https://ehr.hospital.test/fhir",
        ["hook"] = "patient-view",
        ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = patientId },
    };

    private static JsonObject Patient(string id) => new()
    {
        ["resourceType"] = "Patient",
        ["id"] = id,
        ["birthDate"] = "2025-05-01",
    };

    private async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(JsonObject request, string path = Service)
    {
        using var http = server.Http(ApiServer.ReadKey);
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
        return (response.StatusCode, json.RootElement.Clone());
    }
}
