using Interop.Client.Contracts;
using Refit;

namespace Interop.Client;

/// <summary>
/// The Interop trial-status API, version 1. Errors arrive as <see cref="ApiException"/> (RFC 9457 ProblemDetails:
/// <see cref="ValidationApiException"/> carries them parsed): 400 bad parameter, 401 no or wrong credentials,
/// 403 role missing, 404 unknown, 409 conflict.
/// </summary>
public interface IInteropApi
{
    /// <summary>Subjects, filtered and paged, by EHR and patient id (<c>GET /api/v1/subjects</c>).</summary>
    /// <param name="verdict">Only this eligibility verdict: <c>eligible</c>, <c>ineligible</c> or <c>undetermined</c>.</param>
    /// <param name="status">Only this FHIR ResearchSubject status (e.g. <c>on-study-intervention</c>).</param>
    /// <param name="ehr">Only this EHR (configured name, or <c>file</c>).</param>
    /// <param name="skip">Items to skip (default 0).</param>
    /// <param name="take">Page size, 1 to 200 (default 50).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    [Get("/api/v1/subjects")]
    Task<Page<SubjectListItem>> ListSubjectsAsync(
        string? verdict = null, string? status = null, string? ehr = null, int? skip = null, int? take = null,
        CancellationToken cancellationToken = default);

    /// <summary>Everything recorded about a subject, with reasons in words (<c>GET /api/v1/subjects/{patientId}</c>).</summary>
    /// <param name="patientId">The patient's logical id on the EHR.</param>
    /// <param name="ehr">The EHR; may be omitted when only one EHR has the patient (409 otherwise).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    [Get("/api/v1/subjects/{patientId}")]
    Task<SubjectDetail> GetSubjectAsync(string patientId, string? ehr = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The cohort report of one target (<c>GET /api/v1/trial/summary</c>); 404 while nothing is recorded or for an
    /// unknown target; 400 when several targets are recorded and none is named (the problem lists them).
    /// </summary>
    /// <param name="asOf">The data cut-off; default the latest run's as-of date.</param>
    /// <param name="ehr">The target (EHR configured name, or <c>file</c>); may be omitted when only one is recorded.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    [Get("/api/v1/trial/summary")]
    Task<TrialSummary> GetSummaryAsync(
        [Query(Format = "yyyy-MM-dd")] DateOnly? asOf = null, string? ehr = null, CancellationToken cancellationToken = default);

    /// <summary>The run history, newest first (<c>GET /api/v1/runs</c>).</summary>
    /// <param name="ehr">Only this EHR's runs.</param>
    /// <param name="skip">Items to skip (default 0).</param>
    /// <param name="take">Page size, 1 to 200 (default 50).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    [Get("/api/v1/runs")]
    Task<Page<RunSummary>> ListRunsAsync(string? ehr = null, int? skip = null, int? take = null, CancellationToken cancellationToken = default);

    /// <summary>A run with its quarantined records (<c>GET /api/v1/runs/{runId}</c>).</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    [Get("/api/v1/runs/{runId}")]
    Task<RunDetail> GetRunAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Outcomes whose EHR state needs a person (<c>GET /api/v1/outcome-conflicts</c>): duplicated identifiers (with the
    /// resource ids to fix and whether the patient is parked) and outcomes edited on the EHR by someone else.
    /// </summary>
    /// <param name="ehr">Only this EHR.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    [Get("/api/v1/outcome-conflicts")]
    Task<IReadOnlyList<OutcomeConflictView>> ListOutcomeConflictsAsync(string? ehr = null, CancellationToken cancellationToken = default);

    /// <summary>Starts a sync now (<c>POST /api/v1/runs</c>, operate role): 202, or 409 when one is running.</summary>
    /// <param name="request">The target; omit for the only target.</param>
    /// <param name="cancellationToken">Cancels the request (not the sync).</param>
    [Post("/api/v1/runs")]
    Task<RunTriggerResponse> TriggerRunAsync([Body] RunTriggerRequest request, CancellationToken cancellationToken = default);
}
