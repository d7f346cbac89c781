using Hl7.Fhir.Model;

namespace Interop.Fhir.Outcomes;

/// <summary>One patient's outcome Observations, the Provenance that targets them, and (file mode) their ResearchSubject.</summary>
/// <param name="PatientId">The surviving Patient's logical id.</param>
/// <param name="Observations">The outcome Observations, in <see cref="OutcomeCodes.All"/> order (those that apply).</param>
/// <param name="Provenance">The Provenance targeting every one of <paramref name="Observations"/>.</param>
public sealed record PatientOutcomes(string PatientId, IReadOnlyList<Observation> Observations, Provenance Provenance)
{
    /// <summary>The patient's ResearchSubject (<see cref="ResearchSubjectBuilder"/>), when it is written with the outcomes.</summary>
    public ResearchSubject? ResearchSubject { get; init; }

    /// <summary>Every resource to write, in write order: the Observations, the Provenance, then the ResearchSubject.</summary>
    public IEnumerable<Resource> All()
    {
        foreach (var observation in Observations)
        {
            yield return observation;
        }

        yield return Provenance;
        if (ResearchSubject is not null)
        {
            yield return ResearchSubject;
        }
    }
}
