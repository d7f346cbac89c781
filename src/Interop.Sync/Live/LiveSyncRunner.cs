using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Domain.Rules;
using Interop.Ehr.DependencyInjection;
using Interop.Ehr.Rest;
using Interop.Fhir.Mapping;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Terminology;
using Interop.Store;
using Interop.Sync.Lease;
using Interop.Sync.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Sync.Live;

/// <summary>
/// One sync against a live FHIR R4 EHR (docs/outcomes.md, "How it is written", issue 3 items 4-5): checks the
/// server can take the write-back, holds the EHR's run lease, finds candidates by code (incrementally from
/// the watermark), evaluates each, and writes per patient one transaction of the outcomes whose content changed
/// plus a Provenance, recording them in the ledger. A patient that fails is queued and retried next run; the
/// watermark advances only once every write-back of the run committed.
/// </summary>
internal sealed class LiveSyncRunner(
    StateStore store,
    TimeProvider time,
    TrialSite site,
    IOptions<TrialRuleOptions> ruleOptions,
    IOptions<ReadingOptions> readingOptions,
    IOptions<LiveSyncOptions> liveOptions,
    IOptionsMonitor<EhrConnectionOptions> connections,
    RunLeases runs,
    ILogger<LiveSyncRunner> logger,
    IOptions<WriteBackOptions>? writeBackOptions = null,
    Progress.IRunProgress? display = null)
{
    /// <summary>Test seam: called after each patient's transaction committed and was recorded, with how many committed so far.</summary>
    internal Action<int>? AfterTransaction { get; init; }

    /// <summary>
    /// Test seam: applied to each patient's outcomes after they are built and before they are validated (as
    /// <see cref="FileSyncRunner.BeforeValidation"/>), so a test can hand the gate a broken resource. Identity in production.
    /// </summary>
    internal Func<PatientOutcomes, PatientOutcomes> BeforeValidation { get; init; } = static outcomes => outcomes;

    /// <summary>Test seam: applied to each patient's transaction after it is built and before it is validated. Identity in production.</summary>
    internal Func<Bundle, Bundle> BeforeTransactionValidation { get; init; } = static transaction => transaction;

    public async Task<RunReport> RunAsync(LiveSyncRequest request, AsOf asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(asOf);
        var started = time.GetTimestamp();
        var startedAt = time.GetUtcNow();
        var requestsBefore = request.Client.RequestCount;
        try
        {
            return await RunOnceAsync(request, asOf, started, startedAt, requestsBefore, cancellationToken);
        }
        finally
        {
            display?.Finish();
        }
    }

    private async Task<RunReport> RunOnceAsync(
        LiveSyncRequest request, AsOf asOf, long started, DateTimeOffset startedAt, long requestsBefore, CancellationToken cancellationToken)
    {
        display?.Phase("checking the EHR's capabilities");

        // ResearchSubject write-back (issue 5): when configured, and (unless a dry run) when the EHR takes it.
        var writeSubjects = connections.Get(request.EhrName).WriteResearchSubject;
        var conditionalProvenance = false;
        string? implementationUrl = null;
        if (!request.DryRun)
        {
            var capabilities = await request.Client.ServerCapabilitiesAsync(cancellationToken);
            var missing = EhrCapabilities.MissingForWriteBack(capabilities);
            if (missing.Count > 0)
            {
                LiveSyncLog.Refused(logger, request.EhrName, string.Join(", ", missing));
                throw new EhrCapabilityException(EhrCapabilities.Describe(missing)) { Missing = missing };
            }

            if (writeSubjects && !EhrCapabilities.SupportsResearchSubject(capabilities))
            {
                LiveSyncLog.ResearchSubjectUnsupported(logger, request.EhrName);
                writeSubjects = false;
            }

            conditionalProvenance = EhrCapabilities.SupportsConditionalProvenance(capabilities);
            implementationUrl = capabilities.ImplementationUrl;
            if (!conditionalProvenance)
            {
                LiveSyncLog.NoConditionalProvenance(logger, request.EhrName);
            }
        }

        // Not a dry run: one writing sync per EHR at a time (the run lease, kept alive by a heartbeat while this run is).
        await using var run = await runs.BeginAsync(
            request.EhrName, request.DryRun ? SyncRunMode.DryRun : SyncRunMode.Live, asOf.Instant, exclusive: !request.DryRun, cancellationToken);
        try
        {
            var report = await SyncAsync(request with { WriteResearchSubject = writeSubjects, ConditionalProvenance = conditionalProvenance, ImplementationUrl = implementationUrl }, asOf, run, startedAt, started, requestsBefore, cancellationToken);
            await run.FinishAsync(RunHistory.Completion(report, SyncRunStatus.Completed));
            return report;
        }
        catch (Exception)
        {
            await run.FinishAsync(RunHistory.Failed(request.Client.RequestCount - requestsBefore));
            throw;
        }
    }

    private async Task<RunReport> SyncAsync(
        LiveSyncRequest request, AsOf asOf, SyncRunScope run, DateTimeOffset startedAt, long started, long requestsBefore, CancellationToken cancellationToken)
    {
        var rules = ruleOptions.Value;
        var options = liveOptions.Value;
        var ehr = request.EhrName;
        var client = request.Client;

        var terminology = TerminologyMap.Load(request.SiteMaps);
        var mapper = new FhirFactMapper(terminology, site.TimeZone, readingOptions.Value);

        // Another server behind this name (a changed BaseUrl, a restored or refreshed EHR): its watermark and drift position are
        // forgotten before they are read, so this run reads every candidate and compares every outcome with the server.
        var serverChanged = request.DryRun ? null : await ServerIdentityCheck.RecordAsync(store, request, logger, cancellationToken);
        var watermark = await store.GetWatermarkAsync(ehr, cancellationToken);
        LiveSyncLog.Started(logger, ehr, request.DryRun, watermark is not null);
        var ruleSet = RuleSetIdentity.Of(rules, readingOptions.Value);
        SyncLog.RuleSetChangedIfSo(logger, ruleSet);

        // The high-water mark is taken before the first search: anything changed from here on is read next run.
        var highWater = startedAt - options.ClockSkewMargin;
        IRecordSource source = request.Bulk is { } exporter
            ? new Bulk.BulkCandidateSource(exporter, request.BulkStagingFolder, client, store, options, logger)
            : new RestCandidateSource(client, store, options);

        // What validated before, by content hash and profile set, is not validated again, and no validator is built
        // until something new is to be validated (issue 11): an unchanged rerun builds none. A dry run keeps nothing.
        var cacheStore = request.DryRun ? null : store;
        var cache = await ValidationCache.LoadAsync(cacheStore, cancellationToken);
        var gate = new OutcomeGate(cache);
        var step = new PatientStep(rules, site.StudyId, AdapterVersion.Current, gate, ruleSet.Fingerprint) { BeforeValidation = BeforeValidation };
        var writeBackSettings = writeBackOptions?.Value ?? new WriteBackOptions();
        var writeBack = new PatientWriteBack(store, time, gate, logger, writeBackSettings, site.StudyId, request.ConditionalProvenance)
        {
            BeforeValidation = BeforeTransactionValidation,
        };
        var progress = new RunProgress(live: true);
        if (serverChanged is not null)
        {
            progress.Warnings.Add(serverChanged);
        }

        var scan = new OutcomeDriftScan(client, store, time, options, writeBackSettings, logger);
        var parking = new DuplicateParking(store, writeBackSettings, logger);
        await using var sink = new FhirTransactionSink(request, store, writeBack, parking, scan, progress, highWater, logger)
        {
            AfterTransaction = AfterTransaction,
        };
        var phases = new PipelinePhases(
            request.Bulk is null ? "finding candidates" : "exporting and finding candidates",
            request.DryRun ? "reading and evaluating" : "reading, evaluating and writing back");
        var pipeline = new SyncPipeline(new PipelineRun(ehr, run.RunId, asOf, request.WriteResearchSubject, run, phases), step, progress, logger, display);
        var (found, candidates) = await pipeline.RunAsync(source, sink, new SourceScope(ehr, terminology, mapper, watermark), cancellationToken);

        await cache.SaveAsync(cacheStore, CancellationToken.None);

        // Every candidate is read and recorded (failures are queued, and read again by REST next run): the export is let go.
        await source.CompleteAsync(CancellationToken.None);

        if (progress.Drift.Count > 0)
        {
            LiveSyncLog.DriftFound(logger, ehr, progress.Drift.Count);
        }

        var report = progress.ToReport(request.DryRun, asOf, ruleSet, startedAt, time.GetElapsedTime(started)) with
        {
            RequestsMade = client.RequestCount - requestsBefore,
            Candidates = candidates,
            Incremental = found.Bulk?.Incremental ?? watermark is not null,
            BulkExport = found.Bulk,
        };
        LiveSyncLog.Finished(logger, ehr, report.OutcomesWritten, report.OutcomesUnchanged, report.PatientsFailed, report.RequestsMade, report.ExitCode);
        return report;
    }
}
