using Hl7.Fhir.Model;
using static Interop.Fhir.Tests.Outcomes.AssessmentSamples;

using Interop.Fhir.Outcomes;

namespace Interop.Fhir.Tests.Outcomes;

public sealed class ProvenanceTests
{
    [Fact]
    public void Build_Provenance_HasDerivedIdProfileAndRecorded()
    {
        var provenance = Build(Full()).Outcomes.Provenance;

        Assert.Equal(OutcomeIdentity.ResourceId("BLINFANT/provenance/pat-1"), provenance.Id);
        Assert.Equal(["https://fhir.blinfant-interop.org/StructureDefinition/blinfant-provenance"], provenance.Meta!.Profile);
        Assert.Equal(Issued, provenance.Recorded);
    }

    [Fact]
    public void Build_Provenance_TargetsEveryObservationInOrder()
    {
        var result = Build(Full());

        Assert.Equal(
            result.Outcomes.Observations.Select(o => "Observation/" + o.Id),
            result.Outcomes.Provenance.Target.Select(t => t.Reference));
    }

    [Fact]
    public void Build_Provenance_AgentIsContainedAdapterDeviceWithVersion()
    {
        var provenance = Build(Full()).Outcomes.Provenance;

        var agent = Assert.Single(provenance.Agent);
        var type = Assert.Single(agent.Type!.Coding);
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler"), (type.System, type.Code));
        Assert.Equal("#adapter", agent.Who.Reference);

        var device = Assert.IsType<Device>(Assert.Single(provenance.Contained));
        Assert.Equal("adapter", device.Id);
        var identifier = Assert.Single(device.Identifier);
        Assert.Equal(("https://fhir.blinfant-interop.org/sid/device", "interop"), (identifier.System, identifier.Value));
        var name = Assert.Single(device.DeviceName);
        Assert.Equal(("Interop", DeviceNameType.ManufacturerName), (name.Name, name.Type));
        Assert.Equal(AdapterVersion, Assert.Single(device.Version).Value);
    }

    [Fact]
    public void Build_Provenance_EntitiesAreAllEvidenceOfAnyTypeVersionedSortedDistinct()
    {
        var provenance = Build(Full()).Outcomes.Provenance;

        Assert.All(provenance.Entity, e => Assert.Equal(Provenance.ProvenanceEntityRole.Source, e.Role));
        Assert.Equal(
            [
                "Condition/cond-1/_history/2",
                "MedicationAdministration/blina-1/_history/2",
                "MedicationAdministration/blina-2",
                "MedicationAdministration/pred-1/_history/1",
                "Observation/bm-33/_history/3",
                "Observation/bsa-1/_history/1",
                "Observation/cd19-1",
                "Observation/csf-1/_history/5",
                "Observation/kmt2a-1/_history/1",
                "Observation/mrd-29/_history/1",
                "Observation/wbc-1/_history/1",
                "Patient/pat-1/_history/4",
            ],
            provenance.Entity.Select(e => e.What.Reference));
    }

    [Fact]
    public void Build_FewerOutcomes_ProvenanceTargetsOnlyThose()
    {
        var result = Build(NotStarted(Interop.Domain.Results.EligibilityVerdict.Undetermined));

        Assert.Equal(2, result.Outcomes.Provenance.Target.Count);
    }
}
