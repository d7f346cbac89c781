using Interop.Domain.Facts;

namespace Interop.Fhir.Mapping;

/// <summary>The facts collected for one Patient id (or one person, once merged).</summary>
internal sealed class FactBucket
{
    public List<Diagnosis> Diagnoses { get; } = [];

    public List<LabResult> Labs { get; } = [];

    public List<DrugAdministration> Administrations { get; } = [];

    public void Add(MappedFacts facts)
    {
        Diagnoses.AddRange(facts.Diagnoses);
        Labs.AddRange(facts.Labs);
        Administrations.AddRange(facts.Administrations);
    }

    public void Add(FactBucket other)
    {
        Diagnoses.AddRange(other.Diagnoses);
        Labs.AddRange(other.Labs);
        Administrations.AddRange(other.Administrations);
    }
}
