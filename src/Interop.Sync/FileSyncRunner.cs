using System.Diagnostics;
using Interop.Domain.Facts;
using Interop.Domain.Results;
using Interop.Domain.Rules;
using Interop.Ehr.Ndjson;
using Interop.Ehr.Sinks;
using Interop.Fhir.Mapping;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Terminology;
using Interop.Store;
using Interop.Sync.Files;
using Interop.Sync.Lease;
using Interop.Sync.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Sync;

/// <summary>
/// One sync over a Bulk Data NDJSON folder: read and map every record, evaluate each screened
/// patient as of one instant, validate each patient's outcomes against their profiles, write the valid ones
/// (unless a dry run) and the run report. With a state store, a run that writes is also recorded in the run history, and
/// each evaluated patient's trial status is kept (target <see cref="RunHistory.FileTarget"/>).
/// </summary>
internal sealed class FileSyncRunner(
    TimeProvider time,
    TrialSite site,
    IOptions<TrialRuleOptions> ruleOptions,
    IOptions<ReadingOptions> readingOptions,
    ILogger<FileSyncRunner> logger,
    StateStore? store = null,
    RunLeases? runs = null,
    Progress.IRunProgress? progress = null)
{
    public const string ReportFileName = "run-report.json";

    /// <summary>
    /// Test seam (<see cref="PatientStep.BeforeValidation"/>): applied to each patient's outcomes after they are built and before
    /// they are validated, so a test can hand the gate a broken resource. Identity in production.
    /// </summary>
    internal Func<PatientOutcomes, PatientOutcomes> BeforeValidation { get; init; } = static outcomes => outcomes;

    public async Task<RunReport> RunAsync(SyncRequest request, AsOf asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(asOf);
        try
        {
            return await RunOnceAsync(request, asOf, cancellationToken);
        }
        finally
        {
            progress?.Finish();
        }
    }

    private async Task<RunReport> RunOnceAsync(SyncRequest request, AsOf asOf, CancellationToken cancellationToken)
    {
        if (request.DryRun || store is null || runs is null)
        {
            return await SyncAsync(request, asOf, runId: null, cancellationToken);
        }

        // Not exclusive (the output is a folder, not an EHR), but alive only while its heartbeat is: a file run whose process
        // dies reads as abandoned once its lease runs out, like a live one.
        await using var run = await runs.BeginAsync(RunHistory.FileTarget, SyncRunMode.File, asOf.Instant, exclusive: false, cancellationToken);
        try
        {
            var report = await SyncAsync(request, asOf, run.RunId, cancellationToken);
            await run.FinishAsync(RunHistory.Completion(report, SyncRunStatus.Completed));
            return report;
        }
        catch (Exception)
        {
            await run.FinishAsync(RunHistory.Failed());
            throw;
        }
    }

    private async Task<RunReport> SyncAsync(SyncRequest request, AsOf asOf, Guid? runId, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var startedAt = time.GetUtcNow();
        var rules = ruleOptions.Value;
        var ruleSet = RuleSetIdentity.Of(rules, readingOptions.Value);
        SyncLog.RunStarted(logger, request.DryRun);
        SyncLog.RuleSetChangedIfSo(logger, ruleSet);

        var terminology = TerminologyMap.Load(request.SiteMaps);
        var mapper = new FhirFactMapper(terminology, site.TimeZone, readingOptions.Value);

        // What validated before, by content hash and profile set, is not validated again (issue 11); only a recorded run
        // (one that writes, with a store) reads and keeps the hashes.
        var cacheStore = runId is null ? null : store;
        var cache = await ValidationCache.LoadAsync(cacheStore, cancellationToken);
        var step = new PatientStep(rules, site.StudyId, AdapterVersion.Current, new OutcomeGate(cache), ruleSet.Fingerprint) { BeforeValidation = BeforeValidation };
        var counts = new RunProgress(live: false);
        var phases = new PipelinePhases("reading the source", request.DryRun ? "evaluating" : "evaluating and writing");
        var pipeline = new SyncPipeline(new PipelineRun(RunHistory.FileTarget, runId, asOf, WithSubject: true, Lease: null, phases), step, counts, logger, progress);
        await using (var sink = new NdjsonFolderSink(request.DryRun ? null : request.OutputFolder, counts, runId is null ? null : store))
        {
            await pipeline.RunAsync(new NdjsonFolderSource(request.Source), sink, new SourceScope(RunHistory.FileTarget, terminology, mapper, null), cancellationToken);
        }

        await cache.SaveAsync(cacheStore, CancellationToken.None);

        // A record quarantined for a patient who is not screened, of a kind that could not screen them, changes no outcome (the
        // report's exit code is 3 only for the others).
        var report = counts.ToReport(request.DryRun, asOf, ruleSet, startedAt, time.GetElapsedTime(started));

        if (!request.DryRun)
        {
            await RunReportWriter.WriteAsync(report, Path.Combine(request.OutputFolder, ReportFileName), cancellationToken);
        }

        SyncLog.RunFinished(logger, report.ResourcesRead, report.PatientsScreened, report.PatientsEvaluated,
            report.PatientsWithheld, report.Quarantined.Count, report.Warnings.Count, report.ExitCode);
        return report;
    }
}
