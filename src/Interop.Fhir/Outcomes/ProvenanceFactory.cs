using Hl7.Fhir.Model;
using Interop.Domain.Facts;

namespace Interop.Fhir.Outcomes;

/// <summary>The Provenance of one patient's outcomes: the adapter as assembler, every evidence record as a source.</summary>
internal static class ProvenanceFactory
{
    private const string ParticipantTypeSystem = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    private const string DeviceId = "adapter";

    public static Provenance Create(
        string studyId,
        string patientId,
        string adapterVersion,
        IReadOnlyList<Observation> targets,
        IEnumerable<EvidenceRef> evidence,
        DateTimeOffset recorded)
    {
        var provenance = new Provenance
        {
            Id = OutcomeIdentity.ResourceId(OutcomeIdentity.IdentifierValue(studyId, "provenance", patientId)),
            Meta = new Meta { Profile = [Canonical.Profile("blinfant-provenance")] },
            Contained = [AdapterDevice(adapterVersion)],
            Recorded = recorded,
            Agent =
            [
                new Provenance.AgentComponent
                {
                    Type = FhirValues.Concept(ParticipantTypeSystem, "assembler", "Assembler"),
                    Who = new ResourceReference("#" + DeviceId),
                },
            ],
        };

        foreach (var target in targets)
        {
            provenance.Target.Add(new ResourceReference("Observation/" + target.Id));
        }

        foreach (var reference in EvidenceReferences.All(evidence))
        {
            provenance.Entity.Add(new Provenance.EntityComponent { Role = Provenance.ProvenanceEntityRole.Source, What = reference });
        }

        return provenance;
    }

    private static Device AdapterDevice(string adapterVersion) => new()
    {
        Id = DeviceId,
        Identifier = [new Identifier(Canonical.DeviceIdentifierSystem, "interop")],
        DeviceName = [new Device.DeviceNameComponent { Name = "Interop", Type = DeviceNameType.ManufacturerName }],
        Version = [new Device.VersionComponent { Value = adapterVersion }],
    };
}
