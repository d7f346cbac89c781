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
using Interop.Sync;
using Interop.Sync.Sources;
using Interop.Worker.Configuration;
using Interop.Worker.Sync.Lease;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Sync;

/// <summary>
/// One sync over a Bulk Data NDJSON folder: read and map every record, evaluate each screened
/// patient as of one instant, validate each patient's outcomes against their profiles, write the valid ones
/// (unless a dry run) and the run report. With a state store, a run that writes is also recorded in the run history, and
/// each evaluated patient's trial status is kept (target <see cref="RunHistory.FileTarget"/>).
/// </summary>
internal sealed class FileSyncRunner(
    TimeProvider time,
    IOptions<InteropOptions> interopOptions,
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
        var settings = interopOptions.Value;
        var rules = ruleOptions.Value;
        var ruleSet = RuleSetIdentity.Of(rules, readingOptions.Value);
        SyncLog.RunStarted(logger, request.DryRun);
        SyncLog.RuleSetChangedIfSo(logger, ruleSet);

        var terminology = TerminologyMap.Load(request.SiteMaps);
        var mapper = new FhirFactMapper(terminology, settings.TimeZone(), readingOptions.Value);
        progress?.Phase("reading the source");
        var (assembled, skipped) = await NdjsonFolderRecords.ReadAsync(request.Source, mapper, cancellationToken);
        var counts = new RunProgress(live: false);
        counts.AddRead(assembled, everyQuarantine: true);
        counts.Skipped.AddRange(skipped);

        // What validated before, by content hash and profile set, is not validated again (issue 11); only a recorded run
        // (one that writes, with a store) reads and keeps the hashes.
        var cacheStore = runId is null ? null : store;
        var cache = await ValidationCache.LoadAsync(cacheStore, cancellationToken);
        var step = new PatientStep(rules, settings.StudyId, AdapterVersion.Current, new OutcomeGate(cache), ruleSet.Fingerprint) { BeforeValidation = BeforeValidation };

        // A file that could hold anyone's records could not be read: every outcome could be missing a record, so none is written.
        var sourceFileLost = assembled.Quarantined.Any(q => q.AffectsEveryPatient);

        // Evaluating, building and validating a patient are independent of every other patient: they run on
        // every core (one pooled validator per concurrent caller: validators are not thread-safe), while the
        // tally and the writes below stay sequential and in patient order, so the files are the same each run.
        var prepared = assembled.Patients
            .AsParallel()
            .AsOrdered()
            .WithCancellation(cancellationToken)
            .Select(patient => step.Prepare(patient, asOf, withSubject: true, withhold: sourceFileLost));
        var statuses = new List<SubjectStatus>();
        progress?.Phase(request.DryRun ? "evaluating" : "evaluating and writing", assembled.Patients.Count);
        await using (var sink = request.DryRun ? null : new NdjsonOutcomeSink(request.OutputFolder))
        {
            foreach (var patient in prepared)
            {
                progress?.Advance();
                if (patient.Outcomes is not { } outcomes)
                {
                    // The patient's quarantined records are in the report already (read above); a validation failure is added here.
                    var failures = patient.Withheld?.Failures ?? [];
                    foreach (var failure in failures)
                    {
                        SyncLog.OutcomeInvalid(logger, failure.ResourceType, failure.Reason);
                    }

                    counts.Quarantined.AddRange(failures);
                    counts.Tally.AddWithheld();
                    continue;
                }

                counts.Tally.Add(patient.Assessment!.Eligibility);
                counts.Warnings.AddRange(AssessmentWarnings.Of(patient.Assessment));
                statuses.Add(SubjectStatusMapping.From(RunHistory.FileTarget, patient.Assessment, patient.Patient.Record.Death, runId));
                counts.Tally.AddOutcomes(outcomes.Observations.Select(o => o.Code.Coding[0].Code ?? string.Empty));
                if (sink is not null)
                {
                    await sink.WriteAsync(outcomes, cancellationToken);
                }
            }

            if (sink is not null)
            {
                await sink.CompleteAsync(cancellationToken);
            }
        }

        if (runId is not null && store is not null)
        {
            // After the files: the store says what the written outcomes say.
            await store.UpsertSubjectStatusesAsync(statuses, CancellationToken.None);
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
