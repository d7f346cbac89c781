using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;
using Interop.Testing;
using Interop.Sync;
using Interop.Worker.Tests.Api;
using Interop.Worker.Tests.Cli;
using Task = System.Threading.Tasks.Task;

namespace Interop.Worker.Tests.Privacy;

/// <summary>
/// The real CLI in a child process at Trace level, over a patient made of sentinels (see <see cref="Sentinels"/>): every
/// output channel (stdout, stderr, run-report.json and the other output files, every text column of the state store, the
/// API's and CDS Hooks' answers, telemetry from the console exporter) is searched for them.
/// </summary>
public sealed class SentinelPrivacyTests
{
    private const string Key = "sentinel-privacy-operate-key";

    [Fact]
    public async Task FileSync_AtTrace_NoPatientDataInAnyOutput()
    {
        using var folder = new TempFolder();
        var export = Sentinels.WriteExport(folder);
        var output = folder.Combine("out");

        var result = await CliProcess.RunAsync(["sync", "--once", "--source", export, "--out", output, "--as-of", "2026-06-01"], Sentinels.TraceEverything(folder));

        Assert.True(result.ExitCode == ExitCodes.Quarantined, result.Error);
        AssertQuarantinedAndTraced(result, output);
        Sentinels.AssertNoPatientData("stdout", result.Output);
        Sentinels.AssertIdNotInRequests("stdout", result.Output);
        Sentinels.AssertCleanLog("stderr", result.Error);
        Sentinels.AssertFilesClean(output);
        Sentinels.AssertStoreClean(folder.Combine("state.db"));
    }

    [Fact]
    public async Task LiveSync_AtTrace_NoPatientDataInAnyOutputAndNoIdInAnyRequestLog()
    {
        using var folder = new TempFolder();
        await using var server = new FhirServerFixture();
        await server.StartAsync();
        await LoadAsync(server.BaseUri);
        var output = folder.Combine("out");

        var result = await CliProcess.RunAsync(
            ["sync", "--once", "--source", server.BaseUri.ToString(), "--out", output, "--as-of", "2026-06-01"], Sentinels.TraceEverything(folder));

        Assert.True(result.ExitCode == ExitCodes.Quarantined, result.Error);
        AssertQuarantinedAndTraced(result, output);

        // The patient's own read went out (GET Patient?_id=..) and was logged without its query, which names the patient.
        Assert.Contains("/Patient -> 200", result.Error, StringComparison.Ordinal);
        Sentinels.AssertNoPatientData("stdout", result.Output);
        Sentinels.AssertIdNotInRequests("stdout", result.Output);
        Sentinels.AssertCleanLog("stderr", result.Error);
        Sentinels.AssertFilesClean(output);
        Sentinels.AssertStoreClean(folder.Combine("state.db"));
    }

    [Fact]
    public async Task Serve_AtTraceWithConsoleTelemetry_NoPatientDataInAnyOutputOrAnswer()
    {
        using var folder = new TempFolder();
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = Sentinels.TraceEverything(folder);
        environment["Interop__Source"] = Sentinels.WriteExport(folder);
        environment["Interop__OutputFolder"] = folder.Combine("out");
        environment["Api__Urls"] = baseAddress.ToString().TrimEnd('/');
        environment["Api__Keys__privacy__Role"] = "operate";
        environment["Api__Keys__privacy__Sha256"] = ApiServer.Sha256Hex(Key);
        environment["Telemetry__Exporter"] = "console";
        var answers = new StringBuilder();

        CliResult result;
        await using (var serve = CliProcess.Start(["serve"], environment))
        {
            using var http = new HttpClient { BaseAddress = baseAddress };
            await WaitForCompletedRunsAsync(http, 1);
            http.DefaultRequestHeaders.Add("X-API-Key", Key);
            foreach (var path in new[]
            {
                "/api/v1/subjects", $"/api/v1/subjects/{Sentinels.PatientId}", $"/api/v1/subjects/{Sentinels.PatientId}?ehr=file",
                "/api/v1/subjects?verdict=Zqxwvmeyer&take=Ysentinelle", "/api/v1/runs", "/api/v1/trial/summary", "/cds-services", "/health/ready",
                $"/api/v1/no-such-route/{Sentinels.PatientId}?patient={Sentinels.PatientId}",
            })
            {
                answers.AppendLine(await GetAsync(http, path));
            }

            using var runs = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/runs", UriKind.Relative)));
            answers.AppendLine(await GetAsync(http, $"/api/v1/runs/{runs.RootElement.GetProperty("items")[0].GetProperty("runId").GetString()}"));
            answers.AppendLine(await PostAsync(http, "/cds-services/blinfant-trial-status", CdsHooksRequest()));
            answers.AppendLine(await PostAsync(http, "/api/v1/runs", new JsonObject { ["target"] = "file" }));
            await WaitForCompletedRunsAsync(http, 2);

            serve.Terminate();
            result = await serve.WaitAsync(TimeSpan.FromMinutes(2));
        }

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.Contains(Sentinels.PatientId, answers.ToString(), StringComparison.Ordinal);
        Sentinels.AssertNoPatientData("API answers", answers.ToString());

        // The requests were logged by route, and the console exporter wrote their spans.
        Assert.Contains("HTTP GET /api/v1/subjects/{patientId} answered 404", result.Error, StringComparison.Ordinal);
        Assert.Contains("HTTP POST /cds-services/{id} answered 200", result.Error, StringComparison.Ordinal);
        Assert.Contains("trce: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("/api/v1/subjects/{patientId}", result.Output, StringComparison.Ordinal);
        Sentinels.AssertCleanLog("stderr", result.Error);
        Sentinels.AssertNoPatientData("telemetry (stdout)", result.Output);
        Assert.DoesNotContain(Sentinels.PatientId, result.Output, StringComparison.Ordinal);
        Sentinels.AssertFilesClean(folder.Combine("out"));
        Sentinels.AssertStoreClean(folder.Combine("state.db"));
    }

    private static void AssertQuarantinedAndTraced(CliResult result, string output)
    {
        // Something to leak: the sentinel patient's records were read, quarantined and reported under its id.
        var report = File.ReadAllText(Path.Combine(output, "run-report.json"));
        Assert.Contains(Sentinels.PatientId, report, StringComparison.Ordinal);
        Assert.Contains("sntl-obs-wbc", report, StringComparison.Ordinal);
        Assert.Contains(" finished: ", result.Error, StringComparison.Ordinal);
    }

    private static async Task LoadAsync(Uri baseUri)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        foreach (var resource in Sentinels.Resources())
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                Resource = resource,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = $"{resource.TypeName}/{resource.Id}" },
            });
        }

        using var http = new HttpClient { BaseAddress = baseUri };
        using var content = new StringContent(JsonSerializer.Serialize(bundle, FhirJson.Options), Encoding.UTF8, "application/fhir+json");
        using var response = await http.PostAsync(new Uri(string.Empty, UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        // Past the sync's clock-skew margin: the load is earlier data, not a change during the run.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
    }

    private static JsonObject CdsHooksRequest() => new()
    {
        ["hookInstance"] = "0b0e6f57-7f43-4d8e-9d1c-6f1f6c1b3a10",
        ["hook"] = "patient-view",
        ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = Sentinels.PatientId },
        ["prefetch"] = new JsonObject { ["patient"] = JsonNode.Parse(JsonSerializer.Serialize(Sentinels.Resources()[0], typeof(Patient), FhirJson.Options)) },
    };

    private static async Task<string> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
    }

    private static async Task<string> PostAsync(HttpClient http, string path, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
        return $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
    }

    /// <summary>Waits (up to 3 minutes) until the file target has <paramref name="count"/> completed runs.</summary>
    private static async Task WaitForCompletedRunsAsync(HttpClient http, int count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/runs?ehr=file", UriKind.Relative));
                request.Headers.Add("X-API-Key", Key);
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    using var runs = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    if (runs.RootElement.GetProperty("items").EnumerateArray().Count(r => r.GetProperty("status").GetString() == "completed") >= count)
                    {
                        return;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, $"serve did not complete {count} run(s) within 3 minutes");
            await Task.Delay(250);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
