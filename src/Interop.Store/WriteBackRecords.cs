namespace Interop.Store;

/// <summary>
/// A write about to be sent whose outcome the ledger does not know yet: recorded before the transaction goes out and
/// cleared when the ledger records what the server holds. One left behind means the last attempt's outcome is unknown
/// (no answer, or the process died), so the next write of that patient reconciles with the server first.
/// </summary>
/// <param name="OutcomeIdentifier">The outcome's identifier value.</param>
/// <param name="PatientId">The patient's opaque logical id.</param>
/// <param name="ContentHash">The content hash sent (lower-case SHA-256 hex).</param>
/// <param name="Status">The status sent.</param>
/// <param name="RecordedAt">When the attempt started.</param>
public sealed record OutcomeWriteIntent(string OutcomeIdentifier, string PatientId, string ContentHash, OutcomeStatus Status, DateTimeOffset RecordedAt);

/// <summary>
/// An outcome the adapter cannot write until someone fixes the server by hand, e.g. two server resources carrying one
/// outcome identifier (every conditional update of it fails with 412).
/// </summary>
/// <param name="Kind">A category, e.g. <c>duplicate-identifier</c>.</param>
/// <param name="ResourceIds">The server resources involved, as <c>Type/id</c>.</param>
public sealed record OutcomeConflict(
    string EhrName,
    string OutcomeIdentifier,
    string PatientId,
    string Kind,
    IReadOnlyList<string> ResourceIds,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt);

/// <summary>Where an EHR's drift scan stands: the <c>_lastUpdated</c> the next incremental scan searches from, and the last full reconcile.</summary>
public sealed record DriftScanState(DateTimeOffset? IncrementalSince, DateTimeOffset? FullReconcileAt);

/// <summary>
/// Something a run found changed on the server behind the adapter's back, and what it did about it. Codes and opaque
/// ids only.
/// </summary>
/// <param name="Kind"><c>deleted</c>, <c>edited-outside</c>, <c>duplicate-identifier</c> or <c>unrecorded</c>.</param>
/// <param name="Action"><c>restored</c>, <c>kept-ehr-version</c>, <c>reasserted</c>, <c>left-deleted</c>, <c>adopted</c>, <c>queued</c> or <c>parked</c>.</param>
/// <param name="PatientId">The patient's opaque logical id.</param>
/// <param name="OutcomeCode">The outcome code (e.g. <c>eligibility</c>).</param>
/// <param name="ResourceIds">The server resources involved, as <c>Type/id</c> (empty when none is left).</param>
public sealed record ServerDriftRecord(string Kind, string Action, string PatientId, string OutcomeCode, IReadOnlyList<string> ResourceIds);
