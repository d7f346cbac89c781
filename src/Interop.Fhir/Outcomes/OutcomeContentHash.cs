using System.Security.Cryptography;
using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;

namespace Interop.Fhir.Outcomes;

/// <summary>
/// The content of an outcome Observation that matters for write-back: its canonical JSON
/// (<see cref="FhirJson.Options"/>, deterministic) without <c>id</c>, <c>meta</c>, <c>issued</c> and
/// <c>status</c>, which change with every write or evaluation but not with the result.
/// </summary>
public static class OutcomeContentHash
{
    /// <summary>Lower-case SHA-256 hex of the observation's canonical content (the observation is not changed).</summary>
    public static string Of(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var copy = (Observation)observation.DeepCopy();
        copy.Id = null;
        copy.Meta = null;
        copy.Issued = null;
        copy.Status = null;
        var json = JsonSerializer.SerializeToUtf8Bytes(copy, FhirJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    /// <summary>
    /// Lower-case SHA-256 hex of a ResearchSubject's canonical content without <c>id</c> and <c>meta</c>: unlike an
    /// Observation's, its status is the content (eligible, on-study-intervention, follow-up...).
    /// </summary>
    public static string Of(ResearchSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var copy = (ResearchSubject)subject.DeepCopy();
        copy.Id = null;
        copy.Meta = null;
        var json = JsonSerializer.SerializeToUtf8Bytes(copy, FhirJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }
}
