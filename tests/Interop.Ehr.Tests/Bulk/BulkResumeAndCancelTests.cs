using Hl7.Fhir.Model;
using Interop.Ehr.Bulk;
using Interop.Ehr.Tests.Auth;
using Interop.Ehr.Tests.Rest;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Task = System.Threading.Tasks.Task;

namespace Interop.Ehr.Tests.Bulk;

public sealed class BulkResumeAndCancelTests
{
    private static readonly Patient P1 = new() { Id = "p1" };
    private static readonly Patient P2 = new() { Id = "p2" };

    private static async Task<BulkExportState> SaveJobAsync(EhrTestHost host, string folder, string statusPath, Dictionary<string, string>? fetched = null)
    {
        Directory.CreateDirectory(Path.Combine(folder, "export"));
        Directory.CreateDirectory(Path.Combine(folder, "errors"));
        var state = new BulkExportState(
            EhrTestHost.Name, new Uri(host.Url(statusPath)), folder, BulkTestServer.ExportRequest().Shape, DateTimeOffset.UnixEpoch, false, [], fetched ?? []);
        await host.Store().SaveAsync(state, CancellationToken.None);
        return state;
    }

    [Fact]
    public async Task Resume_FilesAlreadyStaged_OnlyTheRestDownloadedAndNoNewKickOff()
    {
        using var host = EhrTestHost.Start();
        using var staging = new TempFolder();
        var folder = staging.Combine("job");
        await SaveJobAsync(host, folder, BulkTestServer.StatusPath, new() { [host.Url("/fhir/files/1.ndjson")] = "0001.Patient.ndjson" });
        await File.WriteAllTextAsync(Path.Combine(folder, "export", "0001.Patient.ndjson"), FhirJsonBodies.Json(P1) + "\n");
        host.ServeStatus(BulkTestServer.StatusPath, r => r.Manifest(host, output: ["/fhir/files/1.ndjson", "/fhir/files/2.ndjson"]));
        host.ServeFile("/fhir/files/1.ndjson", [P1]);
        host.ServeFile("/fhir/files/2.ndjson", [P2]);
        var (exporter, _) = host.Exporter();

        var result = await exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, CancellationToken.None);

        Assert.True(result.Resumed);
        Assert.Equal((1, 1), (result.FilesDownloaded, result.FilesReused));
        Assert.Empty(host.Requests("/fhir/files/1.ndjson"));
        Assert.Single(host.Requests("/fhir/files/2.ndjson"));
        Assert.Empty(host.Requests("/fhir/Patient/$export"));
        Assert.Equal(2, (await host.Store().LoadAsync(EhrTestHost.Name, CancellationToken.None))!.Fetched.Count);
    }

    [Fact]
    public async Task Resume_ServerForgotTheJob_NewKickOffAndOldFilesDropped()
    {
        using var host = EhrTestHost.Start();
        using var staging = new TempFolder();
        var old = await SaveJobAsync(host, staging.Combine("old"), "/fhir/bulkstatus/old");
        host.Server.Given(Request.Create().WithPath("/fhir/bulkstatus/old").UsingGet()).RespondWith(Response.Create().WithStatusCode(404));
        host.ServeCapabilities();
        host.ServeKickOff();
        host.ServeStatus(BulkTestServer.StatusPath, r => r.Manifest(host, output: ["/fhir/files/1.ndjson"]));
        host.ServeFile("/fhir/files/1.ndjson", [P1]);
        var (exporter, _) = host.Exporter();

        var result = await exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, CancellationToken.None);

        Assert.True(result.JobForgotten);
        Assert.False(result.Resumed);
        Assert.Single(host.Requests("/fhir/Patient/$export"));
        Assert.False(Directory.Exists(old.Folder));
        Assert.Equal(host.Url(BulkTestServer.StatusPath), (await host.Store().LoadAsync(EhrTestHost.Name, CancellationToken.None))!.StatusUrl.AbsoluteUri);
    }

    [Fact]
    public async Task Poll_ExportFailedOnTheServer_ServerErrorAndJobForgotten()
    {
        using var host = EhrTestHost.Start(o => o.Resilience.MaxRetries = 1);
        using var staging = new TempFolder();
        host.ServeCapabilities();
        host.ServeKickOff();
        host.ServeStatus(BulkTestServer.StatusPath, r => r.WithStatusCode(500).WithHeader("Content-Type", Interop.Ehr.Rest.FhirMediaType.Json)
            .WithBody(FhirJsonBodies.Json(new OperationOutcome { Issue = [new() { Severity = OperationOutcome.IssueSeverity.Error, Code = OperationOutcome.IssueType.Exception }] })));
        var (exporter, _) = host.Exporter();

        var error = await Assert.ThrowsAsync<Interop.Ehr.Rest.FhirServerException>(() => exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, CancellationToken.None));

        Assert.Contains("error exception", error.Message, StringComparison.Ordinal);
        Assert.Null(await host.Store().LoadAsync(EhrTestHost.Name, CancellationToken.None));
        Assert.Empty(Directory.GetDirectories(staging.Path));
    }

    [Fact]
    public async Task Stop_WhilePolling_DeleteSentJobForgottenAndFolderRemoved()
    {
        using var host = EhrTestHost.Start();
        using var staging = new TempFolder();
        host.ServeCapabilities();
        host.ServeKickOff();
        host.ServeStatus(BulkTestServer.StatusPath, r => r.WithStatusCode(202));
        host.Server.Given(Request.Create().WithPath(BulkTestServer.StatusPath).UsingDelete()).RespondWith(Response.Create().WithStatusCode(202));
        using var stop = new CancellationTokenSource();
        var (exporter, _) = host.Exporter(_ => stop.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, stop.Token));

        Assert.Single(host.Server.LogEntries, e => e.RequestMessage.Method == "DELETE" && e.RequestMessage.Path == BulkTestServer.StatusPath);
        Assert.Null(await host.Store().LoadAsync(EhrTestHost.Name, CancellationToken.None));
        Assert.Empty(Directory.GetDirectories(staging.Path));
    }

    [Fact]
    public async Task Stop_CancelOnStopOff_JobKeptForTheNextRun()
    {
        using var host = EhrTestHost.Start(o => o.Bulk.CancelOnStop = false);
        using var staging = new TempFolder();
        host.ServeCapabilities();
        host.ServeKickOff();
        host.ServeStatus(BulkTestServer.StatusPath, r => r.WithStatusCode(202));
        using var stop = new CancellationTokenSource();
        var (exporter, _) = host.Exporter(_ => stop.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, stop.Token));

        Assert.DoesNotContain(host.Server.LogEntries, e => e.RequestMessage.Method == "DELETE");
        Assert.NotNull(await host.Store().LoadAsync(EhrTestHost.Name, CancellationToken.None));
    }

    [Fact]
    public async Task Complete_AfterTheRun_JobForgottenAndStagedFilesDeleted()
    {
        using var host = EhrTestHost.Start();
        using var staging = new TempFolder();
        host.ServeCapabilities();
        host.ServeKickOff();
        host.ServeStatus(BulkTestServer.StatusPath, r => r.Manifest(host, output: ["/fhir/files/1.ndjson"]));
        host.ServeFile("/fhir/files/1.ndjson", [P1]);
        var (exporter, _) = host.Exporter();
        var result = await exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, CancellationToken.None);

        await exporter.CompleteAsync(result, CancellationToken.None);

        Assert.Null(await host.Store().LoadAsync(EhrTestHost.Name, CancellationToken.None));
        Assert.Empty(Directory.GetDirectories(staging.Path));
    }

    [Fact]
    public async Task Download_TokenExpired_ReauthenticatesOnceAndRetries()
    {
        using var smart = new SmartTestEhr();
        var host = smart.Host;
        using var staging = new TempFolder();
        smart.IssueTokens(300, "t1", "t2");
        host.ServeCapabilities();
        host.ServeKickOff();
        host.ServeStatus(BulkTestServer.StatusPath, r => r.Manifest(host, requiresAccessToken: true, output: ["/fhir/files/1.ndjson"]));
        host.ServeFile("/fhir/files/1.ndjson", [P1]);
        host.Server.Given(Request.Create().WithPath("/fhir/files/1.ndjson").WithHeader("Authorization", "Bearer t1")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(401));
        var (exporter, _) = host.Exporter();

        var result = await exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, CancellationToken.None);

        Assert.Equal(["Bearer t1", "Bearer t2"], host.Requests("/fhir/files/1.ndjson").Select(r => r.Header("Authorization")));
        Assert.Equal(2, smart.TokenRequests.Count);
        Assert.Equal(1, result.FilesDownloaded);
    }

    [Fact]
    public async Task Download_TokenRequiredOnAnotherOrigin_RefusedWithoutSendingIt()
    {
        using var host = EhrTestHost.Start();
        using var other = EhrTestHost.StartServer();
        using var staging = new TempFolder();
        host.ServeCapabilities();
        host.ServeKickOff();
        host.ServeStatus(BulkTestServer.StatusPath, r => r.WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(
            $$"""{"transactionTime":"2026-12-06T05:00:00Z","requiresAccessToken":true,"output":[{"type":"Patient","url":"{{other.Urls[0]}}/files/1.ndjson"}],"error":[]}"""));
        var (exporter, _) = host.Exporter();

        var error = await Assert.ThrowsAsync<Interop.Ehr.Rest.FhirProtocolException>(() => exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, CancellationToken.None));

        Assert.Contains("another origin", error.Message, StringComparison.Ordinal);
        Assert.Empty(other.LogEntries);
    }
}
