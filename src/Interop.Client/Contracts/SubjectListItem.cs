using System.Text.Json.Serialization;

namespace Interop.Client.Contracts;

/// <summary>A subject in <c>GET /api/v1/subjects</c>: who, on which EHR, and where they stand.</summary>
public sealed record SubjectListItem
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

    /// <summary>The FHIR R4 ResearchSubject status (e.g. <c>screening</c>, <c>on-study-intervention</c>, <c>follow-up</c>).</summary>
    [JsonPropertyName("researchSubjectStatus")]
    public string? ResearchSubjectStatus { get; init; }

    /// <summary>Course of blinatumomab: <c>not-started</c>, <c>in-progress</c>, <c>completed</c>, <c>discontinued-toxicity</c>, <c>discontinued-other</c>.</summary>
    [JsonPropertyName("courseState")]
    public string? CourseState { get; init; }

    /// <summary>When the subject's status was last written.</summary>
    [JsonPropertyName("updatedAt")]
    public required DateTimeOffset UpdatedAt { get; init; }
}
