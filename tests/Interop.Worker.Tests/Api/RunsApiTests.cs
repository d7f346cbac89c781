using System.Net;
using System.Text.Json;
using Interop.Client;
using Interop.Client.Contracts;
using Refit;

namespace Interop.Worker.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class RunsApiTests(ApiServer server)
{
    private readonly IInteropApi _read = server.ClientWithKey(ApiServer.ReadKey);
    private readonly IInteropApi _operate = server.ClientWithKey(ApiServer.OperateKey);

    [Fact]
    public async Task ListRunsAsync_ByEhr_ReturnsThatEhrsRuns()
    {
        var epic = await _read.ListRunsAsync(ehr: "epic");
        var all = await _read.ListRunsAsync(take: 1);

        var run = Assert.Single(epic.Items);
        Assert.Equal((server.CompletedRunId, "live", "completed", 2, 1, 1, 1), (run.RunId, run.Mode, run.Status, run.ExitCode, run.Quarantined, run.Warnings, run.ServerDrift));
        Assert.Equal((120, 8, 30, 14), (run.Counts.ResourcesRead, run.Counts.Evaluated, run.Counts.OutcomesWritten, run.Counts.RequestsMade));
        Assert.Equal((2, 1), (all.Total, all.Items.Count));
    }

    [Fact]
    public async Task ListRunsAsync_RunWhoseProcessIsGone_IsAbandonedWithoutExitCode()
    {
        var file = await _read.ListRunsAsync(ehr: "file");

        var run = Assert.Single(file.Items);
        Assert.Equal((server.AbandonedRunId, "abandoned", (int?)null), (run.RunId, run.Status, run.ExitCode));
        Assert.NotNull(run.FinishedAt);
        Assert.Equal("abandoned", (await _read.GetRunAsync(server.AbandonedRunId)).Run.Status);
    }

    [Fact]
    public async Task GetRunAsync_Known_ListsQuarantinedRecordsAndWarningsNamingThePatient()
    {
        var detail = await _read.GetRunAsync(server.CompletedRunId);
        using var http = server.Http(ApiServer.ReadKey);
        var raw = await http.GetStringAsync(new Uri($"/api/v1/runs/{server.CompletedRunId}", UriKind.Relative));

        var record = Assert.Single(detail.QuarantinedRecords);
        Assert.Equal(new QuarantinedInput("GET Observation page 2", "Observation", "obs-9", "effectiveDateTime is not a valid dateTime") { PatientId = "p-eligible" }, record);
        var warning = Assert.Single(detail.Warnings);
        Assert.Equal(new RunWarningView("GET DiagnosticReport search", "DiagnosticReport", "dr-3", "p-eligible", "mrd-in-report-conclusion", "an MRD result only in a report's conclusion was not read"), warning);
        using var json = JsonDocument.Parse(raw);
        var rawRecord = json.RootElement.GetProperty("quarantinedRecords")[0];
        Assert.Equal(["location", "resourceType", "resourceId", "reason", "patientId"], rawRecord.EnumerateObject().Select(p => p.Name));
        var rawWarning = json.RootElement.GetProperty("warnings")[0];
        Assert.Equal(["location", "resourceType", "resourceId", "patientId", "rule", "detail"], rawWarning.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task GetRunAsync_RunWithServerDrift_ListsKindActionPatientAndTheResourcesToFix()
    {
        var detail = await _read.GetRunAsync(server.CompletedRunId);

        var drift = Assert.Single(detail.ServerDrift);
        Assert.Equal(("duplicate-identifier", "parked", "p-eligible", "eligibility"), (drift.Kind, drift.Action, drift.PatientId, drift.OutcomeCode));
        Assert.Equal(["Observation/o-1", "Observation/o-2"], drift.ResourceIds);
    }

    [Fact]
    public async Task ListOutcomeConflictsAsync_ParkedDuplicateAndOutsideEdit_ListsBothWithResourceIds()
    {
        var conflicts = await _read.ListOutcomeConflictsAsync(ehr: "epic");
        var none = await _read.ListOutcomeConflictsAsync(ehr: "file");

        Assert.Empty(none);
        Assert.Equal(2, conflicts.Count);
        var duplicate = Assert.Single(conflicts, c => c.Kind == "duplicate-identifier");
        Assert.Equal(("p-eligible", "blinfant/eligibility/p-eligible", true, 1), (duplicate.PatientId, duplicate.OutcomeIdentifier, duplicate.Parked, duplicate.Attempts));
        Assert.Equal(["Observation/o-1", "Observation/o-2"], duplicate.ResourceIds);
        var edited = Assert.Single(conflicts, c => c.Kind == "edited-outside");
        Assert.Equal(("blinfant/os-status/p-eligible", false), (edited.OutcomeIdentifier, edited.Parked));
        Assert.Equal(["Observation/o-3"], edited.ResourceIds);
    }

    [Fact]
    public async Task GetRunAsync_Unknown_Is404()
    {
        var ex = await Assert.ThrowsAsync<ValidationApiException>(() => _read.GetRunAsync(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task TriggerRunAsync_AlreadyRunning_Is409()
    {
        server.Trigger.Running.Add("epic");
        try
        {
            var ex = await Assert.ThrowsAsync<ValidationApiException>(() => _operate.TriggerRunAsync(new RunTriggerRequest("epic")));

            Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
        }
        finally
        {
            server.Trigger.Running.Remove("epic");
        }
    }

    [Fact]
    public async Task TriggerRunAsync_ServiceStopping_Is503()
    {
        server.Trigger.Stopping.Add("file");
        try
        {
            var ex = await Assert.ThrowsAnyAsync<ApiException>(() => _operate.TriggerRunAsync(new RunTriggerRequest("file")));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        }
        finally
        {
            server.Trigger.Stopping.Remove("file");
        }
    }

    [Fact]
    public async Task TriggerRunAsync_UnknownTarget_Is404()
    {
        var ex = await Assert.ThrowsAsync<ValidationApiException>(() => _operate.TriggerRunAsync(new RunTriggerRequest("cerner")));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.DoesNotContain("cerner", ex.Content!.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriggerRun_NoTargetWithSeveral_Is400ListingThem()
    {
        using var http = server.Http(ApiServer.OperateKey);

        using var response = await http.PostAsync(new Uri("/api/v1/runs", UriKind.Relative), content: null);
        var problem = await ProblemJson.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Targets: epic, file", problem.GetProperty("detail").GetString());
        Assert.Null(server.Trigger.Requests[^1]);
    }

    [Fact]
    public async Task TriggerRun_BodyNotJson_Is400ProblemDetails()
    {
        using var http = server.Http(ApiServer.OperateKey);
        using var body = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("/api/v1/runs", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemJson.ReadAsync(response);
    }
}
