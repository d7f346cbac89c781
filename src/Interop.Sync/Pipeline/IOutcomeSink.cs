using Interop.Fhir.Outcomes;
using Interop.Store;

namespace Interop.Sync.Pipeline;

/// <summary>
/// Where a run's outcomes go (issue 11; ADR 0017): NDJSON files (<see cref="Files.NdjsonFolderSink"/>) or the EHR, one
/// transaction per patient (<see cref="Live.FhirTransactionSink"/>). The sink records what it wrote in the run's progress.
/// </summary>
internal interface IOutcomeSink : IAsyncDisposable
{
    /// <summary>
    /// Before anything is read: the run's final candidates, from those the source found plus any the sink must see again
    /// (a live EHR's retry queue, and patients whose outcomes drifted on the server).
    /// </summary>
    Task<SortedSet<string>> BeginAsync(CandidateSet found, CancellationToken cancellationToken);

    /// <summary>Writes one patient's outcomes (none: retract whatever is held for them).</summary>
    Task WriteAsync(PatientPlan plan, CancellationToken cancellationToken);

    /// <summary>A patient (or candidate) withheld or failed, with the reason: retried next run where the sink keeps a queue.</summary>
    Task HoldAsync(string patientId, string reason, CancellationToken cancellationToken);

    /// <summary>Every read was handled: finish the output (files completed, the watermark advanced).</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>What one patient's write is to make the sink hold.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Outcomes">Their valid outcomes; null: the patient is no longer screened (or was merged away), retract.</param>
/// <param name="Status">Their trial status for the store; null with <paramref name="Outcomes"/>.</param>
internal sealed record PatientPlan(string PatientId, PatientOutcomes? Outcomes, SubjectStatus? Status)
{
    /// <summary>The outcomes' JSON as it was checked, for a sink that writes it as it is (NDJSON files); null when not kept.</summary>
    public Interop.Fhir.Serialization.OutcomeJson? Json { get; init; }
}
