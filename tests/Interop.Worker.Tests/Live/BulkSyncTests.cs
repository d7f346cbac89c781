using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Outcomes;
using Interop.Store;
using Interop.Testing;
using Interop.Sync;
using Interop.Worker.Tests.Cli;

namespace Interop.Worker.Tests.Live;

/// <summary>
/// A live sync that reads the EHR through a Bulk Data export (issue 11) against the real local FHIR server: the same outcomes
/// as a REST sync of the same data, on the first (full) run and on an incremental one after a change; and an export
/// interrupted by kill -9 during its downloads is resumed by the next run without reading any file twice.
/// </summary>
public sealed class BulkSyncTests
{
    [Fact]
    public async System.Threading.Tasks.Task BulkSync_WritesTheSameOutcomesAsRestSync_FirstRunAndAfterAChange()
    {
        await using var rest = await LiveEhr.StartAsync();
        await using var bulk = await LiveEhr.StartAsync(bulk: true);

        var byRest = await rest.SyncAsync();
        var byBulk = await bulk.SyncAsync();

        var expected = await OutcomesAsync(rest);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await OutcomesAsync(bulk));
        Assert.Equal(
            (byRest.PatientsScreened, byRest.Eligible, byRest.Ineligible, byRest.Undetermined, byRest.OutcomesWritten, byRest.ExitCode),
            (byBulk.PatientsScreened, byBulk.Eligible, byBulk.Ineligible, byBulk.Undetermined, byBulk.OutcomesWritten, byBulk.ExitCode));
        Assert.Null(byRest.BulkExport);
        var export = Assert.IsType<Interop.Sync.Pipeline.BulkReadSummary>(byBulk.BulkExport);
        Assert.False(export.Incremental);
        Assert.True(export.FilesDownloaded > 0);
        Assert.False(byBulk.Incremental);

        // The export is let go once the run has read it: no job saved, no patient data left on disk.
        Assert.Null(await bulk.Store.GetBulkExportJobAsync(LiveEhr.EhrName, CancellationToken.None));
        Assert.Empty(Directory.EnumerateFileSystemEntries(bulk.StagingFolder));

        // A changed Patient (a death recorded) on both servers: the incremental export finds it as the REST searches do.
        var patientId = (await bulk.Store.ListLedgerAsync(LiveEhr.EhrName, CancellationToken.None))
            .First(e => e.OutcomeCode == "os-status").PatientId;
        await RecordDeathAsync(rest, patientId);
        await RecordDeathAsync(bulk, patientId);

        var restAgain = await rest.SyncAsync();
        var bulkAgain = await bulk.SyncAsync();

        Assert.True(Assert.IsType<Interop.Sync.Pipeline.BulkReadSummary>(bulkAgain.BulkExport).Incremental);
        Assert.True(bulkAgain.OutcomesWritten > 0);
        Assert.Equal(restAgain.OutcomesWritten, bulkAgain.OutcomesWritten);
        Assert.Equal(await OutcomesAsync(rest), await OutcomesAsync(bulk));
        Assert.NotEqual(expected, await OutcomesAsync(bulk));

        // Nothing changed since: nothing written.
        var unchanged = await bulk.SyncAsync();
        Assert.Equal(0, unchanged.OutcomesWritten);
        Assert.Equal(0, unchanged.Candidates);
    }

    [Fact]
    public async System.Threading.Tasks.Task BulkSync_KilledDuringDownload_NextRunResumesTheExportAndReadsNoFileTwice()
    {
        await using var reference = await LiveEhr.StartAsync();
        await reference.SyncAsync();
        await using var ehr = await LiveEhr.StartAsync(server: new FhirServerOptions { BulkFileSize = 40, BulkFileDelayMilliseconds = 800 });
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string?>
        {
            ["Store__ConnectionString"] = $"Data Source={folder.Combine("state.db")}",
            ["Ehrs__hospital__BaseUrl"] = ehr.Server.BaseUri.ToString(),
            ["Ehrs__hospital__Read"] = "Bulk",
            ["Ehrs__hospital__Bulk__StagingFolder"] = folder.Combine("staging"),
            ["Ehrs__hospital__Bulk__MaxParallelDownloads"] = "2",
            ["Ehrs__hospital__Bulk__MinPollInterval"] = "00:00:00",
            ["RunLease__Ttl"] = "00:00:10",
            ["RunLease__RenewInterval"] = "00:00:02",
        };
        string[] args = ["sync", "--once", "--source", ehr.Server.BaseUri.ToString(), "--out", folder.Combine("out"), "--site-map", RepositoryPaths.SampleSiteMap, "--as-of", "2026-06-01"];

        var store = StateStore.Create(new StoreOptions { ConnectionString = $"Data Source={folder.Combine("state.db")}" });
        await using (var first = CliProcess.Start(args, environment))
        {
            var fetched = await WaitForFetchedFilesAsync(store, first, atLeast: 3);
            await first.KillAsync();
            Assert.InRange(fetched, 3, int.MaxValue);
        }

        var saved = await store.GetBulkExportJobAsync("hospital", CancellationToken.None);
        Assert.NotNull(saved);
        Assert.True(saved.Fetched.Count >= 3);

        // The killed run's lease lapses after its TTL (nothing renews it); then the next run resumes the saved export.
        await System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(11));
        var second = await CliProcess.RunAsync(args, environment, TimeSpan.FromMinutes(4));
        Assert.True(second.ExitCode == ExitCodes.Success, second.Output + second.Error);

        var report = JsonSerializer.Deserialize<RunReport>(await File.ReadAllTextAsync(folder.Combine("out", "run-report.json")), RunReportWriter.Options)!;
        var export = Assert.IsType<Interop.Sync.Pipeline.BulkReadSummary>(report.BulkExport);
        Assert.True(export.Resumed);
        Assert.True(export.FilesReused >= saved.Fetched.Count, $"reused {export.FilesReused}, saved {saved.Fetched.Count}");
        Assert.True(export.FilesDownloaded > 0);

        // One export only (no second kick-off), each of its files served; none the killed run had read was served again. A file
        // in flight at the kill (its answer sent, not yet recorded) may be fetched again: its partial copy is not trusted.
        var served = await ehr.Http.GetFromJsonAsync<Dictionary<string, int>>("$export-downloads");
        Assert.NotNull(served);
        Assert.Equal(export.FilesReused + export.FilesDownloaded, served.Count);
        Assert.Single(served.Keys.Select(k => k.Split('/')[0]).Distinct());
        var readBeforeTheKill = saved.Fetched.Keys.Select(url => string.Concat(new Uri(url).Segments[^2..]).Replace(".ndjson", string.Empty, StringComparison.Ordinal)).ToList();
        Assert.Equal(saved.Fetched.Count, readBeforeTheKill.Count(served.ContainsKey));
        Assert.All(readBeforeTheKill, file => Assert.Equal(1, served[file]));
        Assert.InRange(served.Values.Sum() - served.Count, 0, 2);

        Assert.Equal(await OutcomesAsync(reference), await OutcomesAsync(ehr));
        Assert.Null(await store.GetBulkExportJobAsync("hospital", CancellationToken.None));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Combine("staging")));
    }

    private static async Task<int> WaitForFetchedFilesAsync(StateStore store, CliProcess process, int atLeast)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if (await store.GetBulkExportJobAsync("hospital", CancellationToken.None) is { } job && job.Fetched.Count >= atLeast)
                {
                    return job.Fetched.Count;
                }
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                // The child creates and migrates the store: not there yet.
            }

            await System.Threading.Tasks.Task.Delay(100);
        }

        var result = await process.WaitAsync(TimeSpan.FromSeconds(5));
        throw new Xunit.Sdk.XunitException($"no {atLeast} export files were fetched before the run ended or 2 minutes passed: {result.Output}{result.Error}");
    }

    private static async System.Threading.Tasks.Task RecordDeathAsync(LiveEhr ehr, string patientId)
    {
        var patient = await ehr.GetAsync<Patient>("Patient/" + patientId);
        patient.Deceased = new FhirDateTime("2026-03-01");
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            Resource = patient,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = "Patient/" + patientId },
        });
        await ehr.PostAsync(bundle);
        await System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(1.5));
    }

    /// <summary>Each outcome on the server: its identifier, status and content hash.</summary>
    private static async Task<List<string>> OutcomesAsync(LiveEhr ehr) =>
        [.. (await ehr.OutcomesAsync())
            .Select(o => $"{o.Identifier.Single(i => i.System == LiveEhr.OutcomeSystem).Value} {o.Status} {OutcomeContentHash.Of(o)}")
            .Order(StringComparer.Ordinal)];
}
