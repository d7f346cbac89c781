using System.Text.Json.Serialization;

namespace Interop.Client.Contracts;

/// <summary>
/// An outcome whose EHR state needs a person (<c>GET /api/v1/outcome-conflicts</c>): an identifier carried by several EHR
/// resources (the patient is not written until one is removed), or an outcome edited on the EHR by someone else, whose
/// version the adapter keeps until its own derivation changes.
/// </summary>
public sealed record OutcomeConflictView
{
    /// <summary>The EHR's configured name.</summary>
    [JsonPropertyName("ehr")]
    public required string Ehr { get; init; }

    /// <summary>The patient (opaque id).</summary>
    [JsonPropertyName("patientId")]
    public required string PatientId { get; init; }

    /// <summary>The outcome identifier value (system <c>https://fhir.blinfant-interop.org/sid/outcome</c>).</summary>
    [JsonPropertyName("outcomeIdentifier")]
    public required string OutcomeIdentifier { get; init; }

    /// <summary><c>duplicate-identifier</c> or <c>edited-outside</c>.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>The EHR resources involved, as <c>Type/id</c>: for a duplicate, remove all but one.</summary>
    [JsonPropertyName("resourceIds")]
    public required IReadOnlyList<string> ResourceIds { get; init; }

    /// <summary>When a run first found it.</summary>
    [JsonPropertyName("since")]
    public required DateTimeOffset Since { get; init; }

    /// <summary>Duplicates: the patient is parked (no more write attempts until fixed); false while still retried.</summary>
    [JsonPropertyName("parked")]
    public bool Parked { get; init; }

    /// <summary>Duplicates: the runs that met it so far.</summary>
    [JsonPropertyName("attempts")]
    public int Attempts { get; init; }
}
