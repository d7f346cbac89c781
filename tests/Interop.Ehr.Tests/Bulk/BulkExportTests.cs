using Hl7.Fhir.Model;
using Interop.Ehr.Bulk;
using Interop.Ehr.Ndjson;
using Interop.Ehr.Tests.Rest;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Task = System.Threading.Tasks.Task;

namespace Interop.Ehr.Tests.Bulk;

public sealed class BulkExportTests
{
    private static readonly Patient P1 = new() { Id = "p1" };
    private static readonly Observation O1 = new() { Id = "o1", Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "26464-8"), Subject = new ResourceReference("Patient/p1") };

    [Fact]
    public async Task Export_KickOffAccepted_PollsWithRetryAfterAndStagesReadableFiles()
    {
        using var host = EhrTestHost.Start();
        using var staging = new TempFolder();
        host.ServeCapabilities();
        host.ServeKickOff();
        host.ServeStatus(
            BulkTestServer.StatusPath,
            r => r.WithStatusCode(202).WithHeader("X-Progress", "50% done").WithHeader("Retry-After", "3"),
            r => r.Manifest(host, output: ["/fhir/files/Patient.ndjson", "/fhir/files/Observation.ndjson"]));
        host.ServeFile("/fhir/files/Patient.ndjson", [P1]);
        host.ServeFile("/fhir/files/Observation.ndjson", [O1]);
        var (exporter, waits) = host.Exporter();

        var result = await exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, CancellationToken.None);

        var kickOff = Assert.Single(host.Requests("/fhir/Patient/$export"));
        Assert.Equal("respond-async", kickOff.Header("Prefer"));
        Assert.Equal("Patient,Condition,Observation,MedicationAdministration", kickOff.RequestMessage.Query!["_type"].Single());
        Assert.Equal("application/fhir+ndjson", kickOff.RequestMessage.Query!["_outputFormat"].Single());
        Assert.False(kickOff.RequestMessage.Query!.ContainsKey("_since"));
        Assert.Equal([TimeSpan.FromSeconds(3)], waits);
        Assert.Contains(host.Logs.Messages, m => m.Contains("in progress (50% done)", StringComparison.Ordinal));
        Assert.Equal(2, result.FilesDownloaded);
        var items = await new NdjsonFolderReader().ReadAsync(result.Folder, CancellationToken.None).ToListAsync();
        Assert.Equal(["Patient/p1", "Observation/o1"], items.Select(i => $"{i.Resource!.TypeName}/{i.Resource.Id}"));
    }

    [Fact]
    public async Task Poll_429And503WithRetryAfter_WaitedOutByThePollLoopWithinBounds()
    {
        using var host = EhrTestHost.Start(o => o.Bulk.MaxPollInterval = TimeSpan.FromSeconds(60));
        using var staging = new TempFolder();
        host.ServeCapabilities();
        host.ServeKickOff();
        host.ServeStatus(
            BulkTestServer.StatusPath,
            r => r.WithStatusCode(429).WithHeader("Retry-After", "7"),
            r => r.WithStatusCode(503).WithHeader("Retry-After", "600"),
            r => r.WithStatusCode(202),
            r => r.Manifest(host));
        var (exporter, waits) = host.Exporter();

        await exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, CancellationToken.None);

        // 7 s as asked; 600 s capped at MaxPollInterval; no Retry-After: PollInterval (10 s). The resilience handler did not retry them itself.
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10)], waits);
        Assert.Equal(4, host.Requests(BulkTestServer.StatusPath).Count);
    }

    [Fact]
    public async Task Poll_StillInProgressPastMaxWait_UnavailableAndJobKeptForResume()
    {
        using var host = EhrTestHost.Start(o => o.Bulk.MaxWait = TimeSpan.FromSeconds(5));
        using var staging = new TempFolder();
        host.ServeCapabilities();
        host.ServeKickOff();
        host.ServeStatus(BulkTestServer.StatusPath, r => r.WithStatusCode(202).WithHeader("Retry-After", "6"));
        var (exporter, _) = host.Exporter();

        await Assert.ThrowsAsync<Interop.Ehr.Rest.FhirUnavailableException>(() => exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, CancellationToken.None));

        Assert.NotNull(await host.Store().LoadAsync(EhrTestHost.Name, CancellationToken.None));
    }

    [Fact]
    public async Task Download_Gzip_StagedCompressedAndRead()
    {
        using var host = EhrTestHost.Start();
        using var staging = new TempFolder();
        host.ServeCapabilities();
        host.ServeKickOff();
        host.ServeStatus(BulkTestServer.StatusPath, r => r.Manifest(host, output: ["/fhir/files/Patient.ndjson", "/fhir/files/Observation.ndjson"]));
        host.ServeFile("/fhir/files/Patient.ndjson", [P1], gzip: true);
        host.ServeFile("/fhir/files/Observation.ndjson", [O1], gzip: true, contentEncoding: false);
        var (exporter, _) = host.Exporter();

        var result = await exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, CancellationToken.None);

        Assert.Equal(["0001.Patient.ndjson.gz", "0002.Observation.ndjson.gz"], Directory.GetFiles(result.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("gzip", host.Requests("/fhir/files/Patient.ndjson").Single().Header("Accept-Encoding"));
        var items = await new NdjsonFolderReader().ReadAsync(result.Folder, CancellationToken.None).ToListAsync();
        Assert.Equal(["p1", "o1"], items.Select(i => i.Resource!.Id));
    }

    [Fact]
    public async Task ErrorFile_OperationOutcomes_QuarantinedWithCodesOnly()
    {
        using var host = EhrTestHost.Start();
        using var staging = new TempFolder();
        host.ServeCapabilities();
        host.ServeKickOff();
        host.ServeStatus(BulkTestServer.StatusPath, r => r.Manifest(host, output: ["/fhir/files/Patient.ndjson"], errors: ["/fhir/files/OperationOutcome.ndjson"]));
        host.ServeFile("/fhir/files/Patient.ndjson", [P1]);
        var failed = new OperationOutcome { Issue = [new() { Severity = OperationOutcome.IssueSeverity.Error, Code = OperationOutcome.IssueType.Exception, Diagnostics = "Observation for Jane Doe could not be read" }] };
        var info = new OperationOutcome { Issue = [new() { Severity = OperationOutcome.IssueSeverity.Information, Code = OperationOutcome.IssueType.Informational }] };
        host.ServeFile("/fhir/files/OperationOutcome.ndjson", [info, failed]);
        var (exporter, _) = host.Exporter();

        var result = await exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, CancellationToken.None);

        var entry = Assert.Single(result.Errors);
        Assert.True(entry.AffectsEveryPatient);
        Assert.Equal("error-0001.OperationOutcome.ndjson:2", entry.Location);
        Assert.Contains("error exception", entry.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", entry.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.InformationalOutcomes);
        Assert.Equal(["0001.Patient.ndjson"], Directory.GetFiles(result.Folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task DeletedFile_StagedAndSurfacedAsDeletions()
    {
        using var host = EhrTestHost.Start();
        using var staging = new TempFolder();
        host.ServeCapabilities();
        host.ServeKickOff();
        host.ServeStatus(BulkTestServer.StatusPath, r => r.Manifest(host, deleted: ["/fhir/files/Bundle.ndjson"]));
        var deletions = new Bundle { Type = Bundle.BundleType.Transaction, Entry = [new() { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.DELETE, Url = "Observation/o9" } }] };
        host.ServeFile("/fhir/files/Bundle.ndjson", [deletions]);
        var (exporter, _) = host.Exporter();

        var result = await exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, CancellationToken.None);

        var items = await new NdjsonFolderReader().ReadAsync(result.Folder, CancellationToken.None).ToListAsync();
        Assert.Equal(new DeletedResource("Observation", "o9"), Assert.Single(items).Deletion);
    }
}
