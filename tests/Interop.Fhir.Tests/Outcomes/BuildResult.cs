using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;

using Interop.Fhir.Outcomes;

namespace Interop.Fhir.Tests.Outcomes;

/// <summary>Built outcomes with lookups by outcome code, for terse assertions.</summary>
internal sealed class BuildResult(PatientOutcomes outcomes)
{
    public PatientOutcomes Outcomes { get; } = outcomes;

    public IReadOnlyList<string> Codes => [.. Outcomes.Observations.Select(o => o.Code!.Coding.Single().Code!)];

    public Observation Get(string outcomeCode) => Outcomes.Observations.Single(o => o.Code!.Coding.Single().Code == outcomeCode);

    public bool Has(string outcomeCode) => Codes.Contains(outcomeCode);

    public string Json() =>
        string.Join('\n', Outcomes.Observations.Select(o => JsonSerializer.Serialize<Resource>(o, FhirJson.Options)))
        + '\n' + JsonSerializer.Serialize<Resource>(Outcomes.Provenance, FhirJson.Options);

    public static string Json(Resource resource) => JsonSerializer.Serialize(resource, FhirJson.Options);

    public static T As<T>(object? value) => Assert.IsType<T>(value);

    public static string ValueCode(DataType? value) => As<CodeableConcept>(value).Coding.Single().Code!;

    public static string ValueSystem(DataType? value) => As<CodeableConcept>(value).Coding.Single().System!;

    public static Observation.ComponentComponent Component(Observation observation, string code) =>
        observation.Component.Single(c => c.Code!.Coding.Single().Code == code);
}
