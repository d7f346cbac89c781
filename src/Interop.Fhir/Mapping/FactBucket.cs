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

    /// <summary>Removes every fact taken from <paramref name="resourceType"/>/<paramref name="id"/> (a copy of it that lost to another).</summary>
    public void Remove(string resourceType, string id)
    {
        Diagnoses.RemoveAll(d => Is(d.Evidence, resourceType, id));
        Labs.RemoveAll(l => Is(l.Evidence, resourceType, id));
        Administrations.RemoveAll(a => Is(a.Evidence, resourceType, id));
    }

    public void Add(FactBucket other)
    {
        Diagnoses.AddRange(other.Diagnoses);
        Labs.AddRange(other.Labs);
        Administrations.AddRange(other.Administrations);
    }

    private static bool Is(EvidenceRef evidence, string resourceType, string id) =>
        evidence.ResourceType == resourceType && evidence.Id == id;
}
