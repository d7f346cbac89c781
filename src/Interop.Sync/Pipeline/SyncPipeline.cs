using Interop.Domain.Facts;
using Interop.Fhir.Mapping;
using Interop.Sync.Lease;
using Microsoft.Extensions.Logging;

namespace Interop.Sync.Pipeline;

/// <summary>
/// The one sync pipeline (issue 11; ADR 0017): source -> per-patient record sets -> evaluate, build, validate
/// (<see cref="PatientStep"/>) -> sink, with one report builder (<see cref="RunProgress"/>). Every run, whatever its source
/// (an NDJSON folder, the EHR's REST API, a Bulk export) and sink (NDJSON files, the EHR), goes through it; the runners
/// only set a run up (its lease, the EHR's capabilities, the watermark) and finish it.
/// </summary>
/// <remarks>
/// Only the failures a patient is expected to meet (<see cref="ExpectedFailures"/>) are that candidate's: reported, handed
/// to the sink's retry queue, and the run goes on. Anything else ends the run.
/// </remarks>
internal sealed class SyncPipeline(PipelineRun run, PatientStep step, RunProgress progress, ILogger logger, Progress.IRunProgress? display = null)
{
    private readonly HashSet<string> _evaluated = new(StringComparer.Ordinal);

    /// <summary>Runs the source into the sink; returns what discovery found and the run's final candidates.</summary>
    public async Task<(CandidateSet Found, int Candidates)> RunAsync(IRecordSource source, IOutcomeSink sink, SourceScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(scope);
        display?.Phase(run.Phases.Discover);
        var found = await source.DiscoverAsync(scope, cancellationToken);
        progress.Skipped.AddRange(found.Skipped);
        var candidates = await sink.BeginAsync(found, cancellationToken);
        progress.Quarantined.AddRange(found.Quarantined);

        // A record the source could not give that may be anyone's (an export's error file): no outcome is trusted this run.
        var withholdAll = found.Quarantined.Any(q => q.AffectsEveryPatient);
        display?.Phase(run.Phases.Process, candidates.Count);
        var reader = await source.OpenAsync(candidates, scope, cancellationToken);
        await foreach (var read in reader.ReadAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Lease?.ThrowIfLeaseLost();
            await HandleAsync(read, sink, source.ReportsEveryQuarantineOnRead, withholdAll, cancellationToken);
        }

        run.Lease?.ThrowIfLeaseLost();
        await sink.CompleteAsync(cancellationToken);
        return (found, candidates.Count);
    }

    private async Task HandleAsync(RecordRead read, IOutcomeSink sink, bool everyQuarantineOnRead, bool withholdAll, CancellationToken cancellationToken)
    {
        if (read.Failure is { } readFailure)
        {
            display?.Advance();
            await FailAsync(read.Candidate!, readFailure, SyncStage.Read, sink, cancellationToken);
            return;
        }

        var assembled = read.Assembled!;
        progress.AddRead(assembled, everyQuarantineOnRead);
        var stage = SyncStage.Evaluate;
        try
        {
            // A file that could hold anyone's records could not be read: every outcome could be missing a record.
            var withhold = withholdAll || assembled.Quarantined.Any(q => q.AffectsEveryPatient);
            var plans = await PlanAsync(assembled.Patients, read.PatientIds, withhold, everyQuarantineOnRead, sink, cancellationToken);
            stage = SyncStage.Write;
            foreach (var plan in plans)
            {
                run.Lease?.ThrowIfLeaseLost();
                await sink.WriteAsync(plan, cancellationToken);
            }
        }
        catch (Exception ex) when (read.Candidate is not null && ExpectedFailures.Is(ex) && !cancellationToken.IsCancellationRequested)
        {
            await FailAsync(read.Candidate, ex, stage, sink, cancellationToken);
        }
    }

    /// <summary>
    /// Evaluates each patient not evaluated yet this run, on every core when the read holds many (a folder): valid outcomes
    /// become a plan; a withheld patient (a quarantined record, an outcome failing its profile) is reported and held. Ids
    /// read but no longer screened (or merged away) get an empty plan: whatever the sink holds for them is retracted.
    /// </summary>
    private async Task<List<PatientPlan>> PlanAsync(
        IReadOnlyList<PatientRecordSet> patients, IReadOnlySet<string> patientIds, bool withhold, bool everyQuarantineOnRead, IOutcomeSink sink, CancellationToken cancellationToken)
    {
        var fresh = patients.Where(p => _evaluated.Add(p.Record.PatientId)).ToList();

        // Each patient is independent of every other: evaluated, built and validated in parallel (one pooled validator per
        // caller), while what follows stays sequential and in the source's order, so file output is the same each run.
        var prepared = fresh.Count > 1
            ? fresh.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(p => step.Prepare(p, run.AsOf, run.WithSubject, withhold)).ToList()
            : fresh.Select(p => step.Prepare(p, run.AsOf, run.WithSubject, withhold)).ToList();

        var plans = new List<PatientPlan>();
        foreach (var patient in prepared)
        {
            display?.Advance();
            var patientId = patient.Patient.Record.PatientId;
            if (patient.Withheld is { } withheld)
            {
                // Quarantined records are reported when read, or (live) now that they withhold the patient.
                progress.Quarantined.AddRange(withheld.Reason == PatientResult.QuarantinedInput
                    ? everyQuarantineOnRead ? [] : patient.Patient.Quarantined
                    : withheld.Failures);
                progress.Tally.AddWithheld();
                foreach (var failure in withheld.Failures)
                {
                    SyncLog.OutcomeInvalid(logger, failure.ResourceType, failure.Reason);
                }

                PipelineLog.PatientWithheld(logger, run.Target, patientId, withheld.Reason!);
                await sink.HoldAsync(patientId, withheld.Reason!, cancellationToken);
                continue;
            }

            var assessment = patient.Assessment!;
            progress.Tally.Add(assessment.Eligibility);
            progress.Warnings.AddRange(AssessmentWarnings.Of(assessment));
            plans.Add(new PatientPlan(patientId, patient.Outcomes, SubjectStatusMapping.From(run.Target, assessment, patient.Patient.Record.Death, run.RunId)) { Json = patient.Json });
        }

        foreach (var id in patientIds.Where(id => !_evaluated.Contains(id)).Order(StringComparer.Ordinal))
        {
            plans.Add(new PatientPlan(id, null, null));
        }

        return plans;
    }

    private async Task FailAsync(string candidate, Exception failure, SyncStage stage, IOutcomeSink sink, CancellationToken cancellationToken)
    {
        progress.AddFailed();
        var reason = ExpectedFailures.Reason(failure, stage);
        PipelineLog.PatientFailed(logger, run.Target, candidate, reason, failure.GetType().Name);
        await sink.HoldAsync(candidate, reason, cancellationToken);
    }
}

/// <summary>One run as the pipeline sees it.</summary>
/// <param name="Target">The EHR's configured name, or <see cref="RunHistory.FileTarget"/>.</param>
/// <param name="RunId">The run in the run history; null when not recorded (a dry run, no store).</param>
/// <param name="AsOf">The instant everything is evaluated as of.</param>
/// <param name="WithSubject">Build each patient's ResearchSubject with the outcomes.</param>
/// <param name="Lease">The run's lease, checked before each read and write; null when the run holds none.</param>
/// <param name="Phases">What the run's display calls its two phases.</param>
internal sealed record PipelineRun(string Target, Guid? RunId, AsOf AsOf, bool WithSubject, SyncRunScope? Lease, PipelinePhases Phases);

/// <summary>What the run's display calls discovery and the per-patient work.</summary>
internal sealed record PipelinePhases(string Discover, string Process);
