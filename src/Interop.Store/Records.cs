namespace Interop.Store;

/// <summary>The status an outcome Observation was last written with.</summary>
public enum OutcomeStatus
{
    /// <summary><c>final</c>: first written.</summary>
    Final,

    /// <summary><c>amended</c>: written again with changed content.</summary>
    Amended,

    /// <summary><c>entered-in-error</c>: retracted (the outcome no longer follows from the record).</summary>
    EnteredInError,
}

/// <summary>
/// One outcome the adapter has written. <paramref name="ContentHash"/> is the lower-case SHA-256 hex of
/// the canonical content that matters (computed by the caller, see <see cref="ContentHash"/>).
/// </summary>
/// <param name="OutcomeIdentifier">The identifier value <c>{studyId}/{code}/{patientId}</c>.</param>
/// <param name="PatientId">The patient's opaque logical id on that EHR.</param>
/// <param name="ServerResourceId">The Observation's id on the server (file mode: the derived file id).</param>
/// <param name="ServerVersionId">The server's <c>meta.versionId</c> after the write, when known.</param>
public sealed record LedgerEntry(
    string OutcomeIdentifier,
    string PatientId,
    string OutcomeCode,
    string ContentHash,
    string? ServerResourceId,
    string? ServerVersionId,
    OutcomeStatus Status,
    DateTimeOffset WrittenAt)
{
    /// <summary>
    /// When a run found the server's resource edited by someone else (content or status differing from what the
    /// adapter wrote) and left it so (ADR 0007); null while the server holds what the adapter wrote.
    /// <see cref="ServerVersionId"/> is then the edited version, <see cref="ContentHash"/> what the adapter last derived.
    /// </summary>
    public DateTimeOffset? EditedOutsideAt { get; init; }
}

/// <summary>A patient whose evaluation or write failed, retried on the next run.</summary>
/// <param name="Reason">A failure category such as <c>write-rejected</c>: never a message or data.</param>
public sealed record PendingPatient(
    string EhrName,
    string PatientId,
    string Reason,
    int Attempts,
    DateTimeOffset FirstFailedAt,
    DateTimeOffset LastFailedAt)
{
    /// <summary>When the patient was parked: no longer written until what blocks it is fixed by hand; null while retried.</summary>
    public DateTimeOffset? ParkedAt { get; init; }
}

/// <summary>How a run reads and writes.</summary>
public enum SyncRunMode
{
    /// <summary>An NDJSON folder in, an NDJSON folder out.</summary>
    File,

    /// <summary>A FHIR REST EHR, written back.</summary>
    Live,

    /// <summary>Evaluated and reported, nothing written.</summary>
    DryRun,
}

/// <summary>Where a run stands.</summary>
public enum SyncRunStatus
{
    /// <summary>Started and not finished; its process renews the run's lease while it is alive.</summary>
    Running,

    /// <summary>Finished; its exit code says whether input was quarantined.</summary>
    Completed,

    /// <summary>Stopped by an error.</summary>
    Failed,

    /// <summary>
    /// Its process is gone: the run's lease ran out without the run finishing (a crash, a kill, a machine that stopped).
    /// Its <see cref="SyncRun.FinishedAt"/> is when the lease ran out. A run that was only presumed gone and finishes after
    /// all records how it really ended.
    /// </summary>
    Abandoned,
}

/// <summary>What a run counted.</summary>
public sealed record SyncRunCounts(
    int ResourcesRead = 0,
    int PatientsScreened = 0,
    int Evaluated = 0,
    int Withheld = 0,
    int OutcomesWritten = 0,
    int OutcomesUnchanged = 0,
    int RequestsMade = 0);

/// <summary>An input record a run quarantined: where it was, its type and ids, and why (no content).</summary>
/// <param name="Location">File and line, or the request that returned it.</param>
public sealed record QuarantinedRecord(string Location, string? ResourceType, string? ResourceId, string? PatientId, string Reason);

/// <summary>
/// A record a run read under a fallback rule, or ignored as unreadable though it looks relevant: where, what, whose,
/// the rule (a code) and what was done, in the adapter's words (no content).
/// </summary>
public sealed record RunWarning(string Location, string? ResourceType, string? ResourceId, string? PatientId, string Rule, string Detail);

/// <summary>A sync's hold on an EHR (one sync per EHR at a time): who holds it and until when, unless renewed.</summary>
/// <param name="Holder">Who runs, e.g. <c>{machine}/{process id}/{run}</c>.</param>
public sealed record RunLease(string EhrName, string Holder, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt);

/// <summary>How a run ended.</summary>
public sealed record SyncRunCompletion(SyncRunStatus Status, int ExitCode, SyncRunCounts Counts, IReadOnlyList<QuarantinedRecord> Quarantined)
{
    /// <summary>The run's warnings (see <see cref="RunWarning"/>).</summary>
    public IReadOnlyList<RunWarning> Warnings { get; init; } = [];

    /// <summary>What the run found changed on the server behind its back, and what it did (see <see cref="ServerDriftRecord"/>).</summary>
    public IReadOnlyList<ServerDriftRecord> Drift { get; init; } = [];

    /// <summary>The rules the run evaluated with; null when it ended without a report (failed).</summary>
    public RuleSetStamp? RuleSet { get; init; }
}

/// <summary>The rules a run evaluated with: the <c>Rules:RuleSetVersion</c> label and the fingerprint of the effective options (ADR 0010).</summary>
/// <param name="Version">The rule-set version label.</param>
/// <param name="Fingerprint"><c>sha256:</c> and 32 hex digits; null for runs recorded before fingerprints existed.</param>
public sealed record RuleSetStamp(string Version, string? Fingerprint);

/// <summary>One run in the history.</summary>
/// <param name="EhrName">The EHR's configured name, or <c>file</c> for file mode.</param>
public sealed record SyncRun(
    Guid RunId,
    string EhrName,
    SyncRunMode Mode,
    SyncRunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset AsOf,
    SyncRunCounts Counts,
    int QuarantinedCount,
    int? ExitCode)
{
    /// <summary>How many warnings the run recorded.</summary>
    public int WarningCount { get; init; }

    /// <summary>How many server-drift findings the run recorded.</summary>
    public int DriftCount { get; init; }

    /// <summary>The rules the run evaluated with; null while running, for a failed run, or for runs recorded before it was kept.</summary>
    public RuleSetStamp? RuleSet { get; init; }
}

/// <summary>A run with its quarantined records and warnings.</summary>
public sealed record SyncRunDetail(SyncRun Run, IReadOnlyList<QuarantinedRecord> Quarantined)
{
    /// <summary>The run's warnings, in the order recorded.</summary>
    public IReadOnlyList<RunWarning> Warnings { get; init; } = [];

    /// <summary>The run's server-drift findings, in the order recorded.</summary>
    public IReadOnlyList<ServerDriftRecord> Drift { get; init; } = [];
}

/// <summary>One page of a longer list.</summary>
/// <param name="Total">How many items match in all.</param>
public sealed record StorePage<T>(IReadOnlyList<T> Items, int Total, int Skip, int Take);
