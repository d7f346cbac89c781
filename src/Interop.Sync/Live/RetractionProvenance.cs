using Hl7.Fhir.Model;
using Canonical = Interop.Fhir.Canonical;

namespace Interop.Sync.Live;

/// <summary>
/// The Provenance of a write-back that only retracts: a patient no longer screened has no assessment, so it names
/// the adapter and no evidence (<see cref="WriteBackTransaction.Create"/> sets its targets and recorded instant).
/// </summary>
internal static class RetractionProvenance
{
    public static Provenance Create() => new()
    {
        Meta = new Meta { Profile = [Canonical.Profile("blinfant-provenance")] },
        Contained =
        [
            new Device
            {
                Id = "adapter",
                Identifier = [new Identifier(Canonical.DeviceIdentifierSystem, "interop")],
                DeviceName = [new Device.DeviceNameComponent { Name = "Interop", Type = DeviceNameType.ManufacturerName }],
                Version = [new Device.VersionComponent { Value = AdapterVersion.Current }],
            },
        ],
        Agent =
        [
            new Provenance.AgentComponent
            {
                Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler", "Assembler"),
                Who = new ResourceReference("#adapter"),
            },
        ],
    };
}
