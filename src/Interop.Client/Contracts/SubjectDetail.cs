using System.Text.Json.Serialization;

namespace Interop.Client.Contracts;

/// <summary>
/// Everything recorded about a subject (<c>GET /api/v1/subjects/{patientId}</c>): eligibility with each criterion's
/// result and reason in words, risk group, course, MRD, endpoints. Codes are those of the adapter's code system.
/// </summary>
public sealed record SubjectDetail
{
    /// <summary>The patient's logical id on the EHR.</summary>
    [JsonPropertyName("patientId")]
    public required string PatientId { get; init; }

    /// <summary>The EHR's configured name (<c>file</c> for file-mode runs).</summary>
    [JsonPropertyName("ehr")]
    public required string Ehr { get; init; }

    /// <summary>The as-of instant of the run that evaluated the subject.</summary>
    [JsonPropertyName("asOf")]
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Eligibility verdict: <c>eligible</c>, <c>ineligible</c> or <c>undetermined</c>.</summary>
    [JsonPropertyName("verdict")]
    public required string Verdict { get; init; }

    /// <summary>The FHIR R4 ResearchSubject status.</summary>
    [JsonPropertyName("researchSubjectStatus")]
    public string? ResearchSubjectStatus { get; init; }

    /// <summary>Each eligibility criterion of the protocol, in the order evaluated.</summary>
    [JsonPropertyName("criteria")]
    public required IReadOnlyList<CriterionResult> Criteria { get; init; }

    /// <summary>Interfant-06 risk group: <c>LR</c>, <c>MR</c> or <c>HR</c>; null when unknown.</summary>
    [JsonPropertyName("riskGroup")]
    public string? RiskGroup { get; init; }

    /// <summary>Course of blinatumomab: <c>not-started</c>, <c>in-progress</c>, <c>completed</c>, <c>discontinued-toxicity</c>, <c>discontinued-other</c>.</summary>
    [JsonPropertyName("courseState")]
    public string? CourseState { get; init; }

    /// <summary>Whole days of blinatumomab infused so far (of 28), once the course started.</summary>
    [JsonPropertyName("courseInfusionDays")]
    public int? CourseInfusionDays { get; init; }

    /// <summary>MRD after blinatumomab: <c>negative</c>, <c>low-positive</c>, <c>high-positive</c>; null when not measured yet.</summary>
    [JsonPropertyName("mrdClass")]
    public string? MrdClass { get; init; }

    /// <summary>Primary endpoint: <c>event</c> or <c>no-event</c>; null before the course ended.</summary>
    [JsonPropertyName("primaryEndpoint")]
    public string? PrimaryEndpoint { get; init; }

    /// <summary>Disease-free survival status: <c>event-free</c>, <c>relapse</c> or <c>death</c>.</summary>
    [JsonPropertyName("dfsStatus")]
    public string? DfsStatus { get; init; }

    /// <summary>Overall survival status: <c>alive</c> or <c>deceased</c>.</summary>
    [JsonPropertyName("osStatus")]
    public string? OsStatus { get; init; }

    /// <summary>Site of the first relapse: <c>bone-marrow</c>, <c>cns</c> or <c>combined</c>.</summary>
    [JsonPropertyName("relapseSite")]
    public string? RelapseSite { get; init; }

    /// <summary>The run that wrote this status, when recorded from a run.</summary>
    [JsonPropertyName("runId")]
    public Guid? RunId { get; init; }

    /// <summary>When the subject's status was last written.</summary>
    [JsonPropertyName("updatedAt")]
    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One eligibility criterion's result for a subject.</summary>
public sealed record CriterionResult
{
    /// <summary>The criterion's id in the protocol (e.g. <c>kmt2a-rearranged</c>).</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The criterion in words (e.g. "KMT2A rearranged").</summary>
    [JsonPropertyName("displayName")]
    public required string DisplayName { get; init; }

    /// <summary><c>met</c>, <c>not-met</c> or <c>unknown</c>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Why, in words (no patient data); null when the evaluation gave none.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>The resources the result rests on, as <c>Type/id</c> references.</summary>
    [JsonPropertyName("evidenceIds")]
    public required IReadOnlyList<string> EvidenceIds { get; init; }
}
