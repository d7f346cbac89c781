using Interop.Fhir.Mapping;

namespace Interop.Worker.Sync;

/// <summary>
/// What one sync did, written as <c>run-report.json</c> beside its output. Holds counts, criterion ids
/// and opaque record ids only: no patient data.
/// </summary>
public sealed record RunReport
{
    public required string AdapterVersion { get; init; }
    public required string RuleSetVersion { get; init; }
    public required DateTimeOffset AsOf { get; init; }
    public required DateOnly AsOfDate { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required double DurationSeconds { get; init; }
    public required bool DryRun { get; init; }
    public required int ResourcesRead { get; init; }
    public required int IrrelevantResources { get; init; }
    public required int PatientsSeen { get; init; }
    public required int PatientsScreened { get; init; }
    public required int PatientsEvaluated { get; init; }
    public required int PatientsWithheld { get; init; }
    public required int Eligible { get; init; }
    public required int Ineligible { get; init; }
    public required int Undetermined { get; init; }

    /// <summary>Not-met criteria of ineligible patients, by criterion id, most frequent first.</summary>
    public required IReadOnlyList<CriterionCount> IneligibleReasons { get; init; }

    /// <summary>Unknown criteria of undetermined patients, by criterion id, most frequent first.</summary>
    public required IReadOnlyList<CriterionCount> UndeterminedMissing { get; init; }

    /// <summary>Outcome Observations written (or, in a dry run, that would be), by outcome code.</summary>
    public required IReadOnlyDictionary<string, int> OutcomesByCode { get; init; }
    public required int ProvenancesWritten { get; init; }
    public required IReadOnlyList<QuarantineEntry> Quarantined { get; init; }
    public required int ExitCode { get; init; }
}

/// <summary>How many patients a criterion applied to.</summary>
public sealed record CriterionCount(string Criterion, int Patients);
