using System.Text.Json.Serialization;

namespace Interop.Client.Contracts;

/// <summary>A sync run in the history (<c>GET /api/v1/runs</c>): counts and outcome, no patient data.</summary>
public sealed record RunSummary
{
    /// <summary>The run's id.</summary>
    [JsonPropertyName("runId")]
    public required Guid RunId { get; init; }

    /// <summary>The EHR's configured name, or <c>file</c> for file mode.</summary>
    [JsonPropertyName("ehr")]
    public required string Ehr { get; init; }

    /// <summary><c>file</c>, <c>live</c> or <c>dry-run</c>.</summary>
    [JsonPropertyName("mode")]
    public required string Mode { get; init; }

    /// <summary>
    /// <c>running</c>, <c>completed</c>, <c>failed</c>, or <c>abandoned</c>: the run's process stopped without finishing it
    /// (a crash or a kill), found when its lease ran out; its <see cref="FinishedAt"/> is then that moment.
    /// </summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>When the run started.</summary>
    [JsonPropertyName("startedAt")]
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run finished; null while running.</summary>
    [JsonPropertyName("finishedAt")]
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The instant the run evaluated the record as of.</summary>
    [JsonPropertyName("asOf")]
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>What the run counted.</summary>
    [JsonPropertyName("counts")]
    public required RunCounts Counts { get; init; }

    /// <summary>How many input records the run quarantined.</summary>
    [JsonPropertyName("quarantined")]
    public required int Quarantined { get; init; }

    /// <summary>How many records the run read under a fallback rule or ignored as unreadable (see <see cref="RunDetail.Warnings"/>).</summary>
    [JsonPropertyName("warnings")]
    public int Warnings { get; init; }

    /// <summary>How many of the adapter's outcomes the run found changed on the EHR behind its back (see <see cref="RunDetail.ServerDrift"/>).</summary>
    [JsonPropertyName("serverDrift")]
    public int ServerDrift { get; init; }

    /// <summary>The <c>Rules:RuleSetVersion</c> label the run evaluated with; null while running, for a failed run, or for older runs.</summary>
    [JsonPropertyName("ruleSetVersion")]
    public string? RuleSetVersion { get; init; }

    /// <summary>The fingerprint of the run's effective rule options (<c>sha256:</c> and 32 hex digits), as in every outcome's <c>method</c>.</summary>
    [JsonPropertyName("ruleSetFingerprint")]
    public string? RuleSetFingerprint { get; init; }

    /// <summary>The process exit code the run ended with (0 clean, 2 input quarantined, ...); null while running.</summary>
    [JsonPropertyName("exitCode")]
    public int? ExitCode { get; init; }
}

/// <summary>What a run counted.</summary>
/// <param name="ResourcesRead">FHIR resources read.</param>
/// <param name="PatientsScreened">Patients with trial-relevant data.</param>
/// <param name="Evaluated">Patients evaluated.</param>
/// <param name="Withheld">Patients whose outcomes were withheld (failed validation).</param>
/// <param name="OutcomesWritten">Outcome resources written or amended.</param>
/// <param name="OutcomesUnchanged">Outcomes already up to date.</param>
/// <param name="RequestsMade">HTTP requests made to the EHR.</param>
public sealed record RunCounts(
    [property: JsonPropertyName("resourcesRead")] int ResourcesRead,
    [property: JsonPropertyName("patientsScreened")] int PatientsScreened,
    [property: JsonPropertyName("evaluated")] int Evaluated,
    [property: JsonPropertyName("withheld")] int Withheld,
    [property: JsonPropertyName("outcomesWritten")] int OutcomesWritten,
    [property: JsonPropertyName("outcomesUnchanged")] int OutcomesUnchanged,
    [property: JsonPropertyName("requestsMade")] int RequestsMade);

/// <summary>A run with the input records it quarantined (<c>GET /api/v1/runs/{runId}</c>).</summary>
public sealed record RunDetail
{
    /// <summary>The run.</summary>
    [JsonPropertyName("run")]
    public required RunSummary Run { get; init; }

    /// <summary>The quarantined input records: where, what and why, never their content.</summary>
    [JsonPropertyName("quarantinedRecords")]
    public required IReadOnlyList<QuarantinedInput> QuarantinedRecords { get; init; }

    /// <summary>Records read under a fallback rule, or ignored as unreadable though they look relevant: the outcomes were still written.</summary>
    [JsonPropertyName("warnings")]
    public IReadOnlyList<RunWarningView> Warnings { get; init; } = [];

    /// <summary>The adapter's outcomes found changed on the EHR behind its back, and what the run did about each.</summary>
    [JsonPropertyName("serverDrift")]
    public IReadOnlyList<ServerDriftView> ServerDrift { get; init; } = [];
}

/// <summary>One of the adapter's outcomes found changed on the EHR behind its back, and what the run did.</summary>
/// <param name="Kind"><c>deleted</c>, <c>edited-outside</c>, <c>duplicate-identifier</c> or <c>unrecorded</c>.</param>
/// <param name="Action"><c>restored</c>, <c>left-deleted</c>, <c>kept-ehr-version</c>, <c>reasserted</c>, <c>adopted</c>, <c>queued</c> or <c>parked</c>.</param>
/// <param name="PatientId">The patient (opaque id).</param>
/// <param name="OutcomeCode">The outcome code, e.g. <c>eligibility</c>.</param>
/// <param name="ResourceIds">The EHR resources involved, as <c>Type/id</c> (for a duplicate: every one carrying the identifier).</param>
public sealed record ServerDriftView(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("patientId")] string PatientId,
    [property: JsonPropertyName("outcomeCode")] string OutcomeCode,
    [property: JsonPropertyName("resourceIds")] IReadOnlyList<string> ResourceIds);

/// <summary>A record a run read under a fallback rule, or ignored as unreadable though it looks relevant.</summary>
/// <param name="Location">File and line, the request that returned it, or <c>evaluation</c>.</param>
/// <param name="ResourceType">The FHIR resource type.</param>
/// <param name="ResourceId">The resource's logical id.</param>
/// <param name="PatientId">The patient it belongs to (opaque id).</param>
/// <param name="Rule">The rule applied, a stable code.</param>
/// <param name="Detail">What was done and what to map, in the adapter's words (no content).</param>
public sealed record RunWarningView(
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("resourceType")] string? ResourceType,
    [property: JsonPropertyName("resourceId")] string? ResourceId,
    [property: JsonPropertyName("patientId")] string? PatientId,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("detail")] string Detail);

/// <summary>An input record a run quarantined.</summary>
/// <param name="Location">File and line, or the request that returned it.</param>
/// <param name="ResourceType">The FHIR resource type, when it could be read.</param>
/// <param name="ResourceId">The resource's logical id, when it could be read.</param>
/// <param name="Reason">Why, as a category or in words (no content).</param>
public sealed record QuarantinedInput(
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("resourceType")] string? ResourceType,
    [property: JsonPropertyName("resourceId")] string? ResourceId,
    [property: JsonPropertyName("reason")] string Reason)
{
    /// <summary>The patient the record belongs to (opaque id), when it could be attributed.</summary>
    [JsonPropertyName("patientId")]
    public string? PatientId { get; init; }
}

/// <summary>Asks for a sync now (<c>POST /api/v1/runs</c>).</summary>
/// <param name="Target">The EHR's configured name (or <c>file</c>); null for the only target.</param>
public sealed record RunTriggerRequest(
    [property: JsonPropertyName("target")] string? Target = null);

/// <summary>A sync was started in the background; follow it in <c>GET /api/v1/runs?ehr={target}</c>.</summary>
/// <param name="Target">The target being synced.</param>
/// <param name="Status">Always <c>started</c>.</param>
public sealed record RunTriggerResponse(
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("status")] string Status);
