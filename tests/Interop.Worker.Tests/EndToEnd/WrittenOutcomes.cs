using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Interop.Worker.Tests.EndToEnd;

/// <summary>The outcome Observations of an output folder, by patient and outcome code.</summary>
public sealed class WrittenOutcomes
{
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private readonly Dictionary<(string Patient, string Code), Observation> _byKey = [];

    public WrittenOutcomes(string folder)
    {
        foreach (var line in File.ReadLines(Path.Combine(folder, "Observation.ndjson")))
        {
            var observation = JsonSerializer.Deserialize<Observation>(line, Fhir)!;
            var patient = observation.Subject!.Reference!["Patient/".Length..];
            Assert.True(_byKey.TryAdd((patient, observation.Code.Coding[0].Code!), observation), "one outcome per kind per patient");
            Count++;
        }

        Provenances = File.ReadLines(Path.Combine(folder, "Provenance.ndjson"))
            .Select(line => JsonSerializer.Deserialize<Provenance>(line, Fhir)!)
            .ToList();
    }

    public int Count { get; }

    public IReadOnlyList<Provenance> Provenances { get; }

    public Observation? Find(string patientId, string code) => _byKey.GetValueOrDefault((patientId, code));

    public static string? CodedValue(Observation? observation) =>
        (observation?.Value as CodeableConcept)?.Coding.FirstOrDefault()?.Code;

    public static IEnumerable<string> NotMetCriteria(Observation eligibility) =>
        eligibility.Component
            .Where(c => (c.Value as CodeableConcept)?.Coding[0].Code == "not-met")
            .Select(c => c.Code.Coding[0].Code!);
}
