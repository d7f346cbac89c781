using Interop.Ehr.Ndjson;
using Interop.Fhir.Mapping;

namespace Interop.Sync;

/// <summary>
/// What one sync did, written as <c>run-report.json</c> beside its output. Holds counts, criterion ids
/// and opaque record ids only: no patient data.
/// </summary>
public sealed record RunReport
{
    public required string AdapterVersion { get; init; }
    public required string RuleSetVersion { get; init; }

    /// <summary>The fingerprint of the effective rule options (ADR 0010), as in every outcome's <c>method</c>.</summary>
    public string? RuleSetFingerprint { get; init; }

    /// <summary>
    /// Settings (names only) that differ from the defaults of <see cref="RuleSetVersion"/> while that label is the built-in
    /// one: a run evaluated with changed rules under an unchanged label. Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> RuleSetChangedSettings { get; init; } = [];
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

    /// <summary>Records read under a fallback rule, or ignored as unreadable though they look relevant (outcomes still written).</summary>
    public IReadOnlyList<WarningEntry> Warnings { get; init; } = [];

    /// <summary>
    /// File mode: input skipped because it holds no patient record (an export's log, its error report, files that are not
    /// NDJSON), one note per file (per extension for files not read), with counts and no content. Does not change the exit code.
    /// </summary>
    public IReadOnlyList<SourceNote> Skipped { get; init; } = [];
    public required int ExitCode { get; init; }

    /// <summary>Live sync: FHIR interactions made with the EHR during the run (every page counts).</summary>
    public long RequestsMade { get; init; }

    /// <summary>Live sync: candidate patients read from the EHR.</summary>
    public int Candidates { get; init; }

    /// <summary>
    /// Live sync: the candidate searches asked only for what changed since the last run's watermark (an incremental run,
    /// where finding nobody is normal); false for a first or full read.
    /// </summary>
    public bool Incremental { get; init; }

    /// <summary>Live sync: outcome Observations written (or, in a dry run, that would be): new, amended and retracted.</summary>
    public int OutcomesWritten { get; init; }

    /// <summary>Live sync: outcome Observations whose content had not changed, so not written again.</summary>
    public int OutcomesUnchanged { get; init; }

    /// <summary>Live sync: patients whose read, evaluation or write failed; queued for the next run.</summary>
    public int PatientsFailed { get; init; }

    /// <summary>Live sync: patients parked (an outcome identifier carried by several server resources): not written until fixed by hand.</summary>
    public int PatientsParked { get; init; }

    /// <summary>
    /// Live sync: the adapter's outcomes found changed on the server behind its back (deleted, edited by someone else,
    /// duplicated, unrecorded) and what the run did about each (ADR 0007). Codes and opaque ids only.
    /// </summary>
    public IReadOnlyList<Interop.Store.ServerDriftRecord> ServerDrift { get; init; } = [];

    /// <summary>Live sync: what was written (dry run: what would be), by outcome code.</summary>
    public IReadOnlyDictionary<string, OutcomeChangeCount>? OutcomeChanges { get; init; }

    /// <summary>Live runs that read a Bulk Data export: how the export went (files downloaded or reused, full or incremental); null otherwise.</summary>
    public Pipeline.BulkReadSummary? BulkExport { get; init; }
}

/// <summary>Outcomes of one code that are new (final), changed (amended) and retracted (entered-in-error).</summary>
public sealed record OutcomeChangeCount(int New, int Changed, int Retracted);

/// <summary>How many patients a criterion applied to.</summary>
public sealed record CriterionCount(string Criterion, int Patients);
