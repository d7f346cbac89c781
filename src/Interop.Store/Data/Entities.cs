namespace Interop.Store.Data;

// Persistence shapes only: the public API speaks records (see the files beside StateStore.cs).
// Every row holds opaque ids, codes, hashes and counts; no clinical value and no name.

internal sealed class EhrWatermarkRow
{
    public required string EhrName { get; set; }

    public DateTimeOffset LastUpdatedHighWater { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class OutcomeLedgerRow
{
    public required string EhrName { get; set; }

    public required string OutcomeIdentifier { get; set; }

    public required string PatientId { get; set; }

    public required string OutcomeCode { get; set; }

    public required string ContentHash { get; set; }

    public string? ServerResourceId { get; set; }

    public string? ServerVersionId { get; set; }

    public OutcomeStatus Status { get; set; }

    public DateTimeOffset WrittenAt { get; set; }

    public DateTimeOffset? EditedOutsideAt { get; set; }
}

internal sealed class PendingPatientRow
{
    public required string EhrName { get; set; }

    public required string PatientId { get; set; }

    public required string Reason { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset FirstFailedAt { get; set; }

    public DateTimeOffset LastFailedAt { get; set; }

    public DateTimeOffset? ParkedAt { get; set; }
}

internal sealed class SyncRunRow
{
    public Guid RunId { get; set; }

    public required string EhrName { get; set; }

    public SyncRunMode Mode { get; set; }

    public SyncRunStatus Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Until when the running run's process is known alive (renewed by its heartbeat); null in rows from before it existed.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset AsOf { get; set; }

    public int ResourcesRead { get; set; }

    public int PatientsScreened { get; set; }

    public int Evaluated { get; set; }

    public int Withheld { get; set; }

    public int OutcomesWritten { get; set; }

    public int OutcomesUnchanged { get; set; }

    public int RequestsMade { get; set; }

    public int QuarantinedCount { get; set; }

    public int WarningCount { get; set; }

    public int? ExitCode { get; set; }

    public List<SyncRunQuarantineRow> Quarantine { get; set; } = [];

    public List<SyncRunWarningRow> Warnings { get; set; } = [];

    public int DriftCount { get; set; }

    public List<SyncRunDriftRow> Drift { get; set; } = [];

    /// <summary>The rule-set version label the run evaluated with; null for runs that ended without a report, or from before it was kept.</summary>
    public string? RuleSetVersion { get; set; }

    /// <summary>The fingerprint of the run's effective rule options (ADR 0010); null as <see cref="RuleSetVersion"/>.</summary>
    public string? RuleSetFingerprint { get; set; }
}

internal sealed class SyncRunWarningRow
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    public required string Location { get; set; }

    public string? ResourceType { get; set; }

    public string? ResourceId { get; set; }

    public string? PatientId { get; set; }

    public required string Rule { get; set; }

    public required string Detail { get; set; }
}

internal sealed class SyncRunQuarantineRow
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    public required string Location { get; set; }

    public string? ResourceType { get; set; }

    public string? ResourceId { get; set; }

    public string? PatientId { get; set; }

    public required string Reason { get; set; }
}

internal sealed class RunLeaseRow
{
    public required string EhrName { get; set; }

    public required string Holder { get; set; }

    public DateTimeOffset AcquiredAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

internal sealed class SubjectStatusRow
{
    public required string EhrName { get; set; }

    public required string PatientId { get; set; }

    public DateTimeOffset AsOf { get; set; }

    public required string Verdict { get; set; }

    public string? ResearchSubjectStatus { get; set; }

    public string? RiskGroup { get; set; }

    public string? CourseState { get; set; }

    public string? MrdClass { get; set; }

    public string? PrimaryEndpoint { get; set; }

    public string? DfsStatus { get; set; }

    public string? OsStatus { get; set; }

    public required string CriteriaJson { get; set; }

    public int? FollowUpDays { get; set; }

    public int? DfsEventDay { get; set; }

    public int? OsEventDay { get; set; }

    public int? CourseInfusionDays { get; set; }

    public string? RelapseSite { get; set; }

    public Guid? RunId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class SyncRunDriftRow
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    public required string Kind { get; set; }

    public required string Action { get; set; }

    public required string PatientId { get; set; }

    public required string OutcomeCode { get; set; }

    public required string ResourceIds { get; set; }
}

internal sealed class OutcomeWriteIntentRow
{
    public required string EhrName { get; set; }

    public required string OutcomeIdentifier { get; set; }

    public required string PatientId { get; set; }

    public required string ContentHash { get; set; }

    public OutcomeStatus Status { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class OutcomeConflictRow
{
    public required string EhrName { get; set; }

    public required string OutcomeIdentifier { get; set; }

    public required string PatientId { get; set; }

    public required string Kind { get; set; }

    public required string ResourceIds { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}

internal sealed class EhrDriftScanRow
{
    public required string EhrName { get; set; }

    public DateTimeOffset? IncrementalSince { get; set; }

    public DateTimeOffset? FullReconcileAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class EhrServerIdentityRow
{
    public required string EhrName { get; set; }

    public required string BaseUrl { get; set; }

    public string? ImplementationUrl { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}

internal sealed class ValidatedContentRow
{
    public required string ProfileSetVersion { get; set; }

    public required string ContentHash { get; set; }

    public DateTimeOffset ValidatedAt { get; set; }
}

internal sealed class BulkExportJobRow
{
    public required string EhrName { get; set; }

    public required string StatusUrl { get; set; }

    public required string Folder { get; set; }

    public required string Shape { get; set; }

    public DateTimeOffset KickedOffAt { get; set; }

    public bool SinceSent { get; set; }

    public required string TypesByRest { get; set; }
}

internal sealed class BulkExportFileRow
{
    public required string EhrName { get; set; }

    public required string Url { get; set; }

    public required string FileName { get; set; }

    public DateTimeOffset FetchedAt { get; set; }
}
