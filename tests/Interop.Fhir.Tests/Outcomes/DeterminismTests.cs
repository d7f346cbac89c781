using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;
using static Interop.Fhir.Tests.Outcomes.AssessmentSamples;

using Interop.Fhir.Outcomes;

namespace Interop.Fhir.Tests.Outcomes;

public sealed class DeterminismTests
{
    [Fact]
    public void Build_TwiceWithSameInput_SerialisesByteIdentical()
    {
        var first = new OutcomeBuilder(StudyId, AdapterVersion).Build(Full(), Issued);
        var second = new OutcomeBuilder(StudyId, AdapterVersion).Build(Full(), Issued);

        Assert.Equal(Serialise(first), Serialise(second));
    }

    [Fact]
    public void Build_EvidenceInAnotherOrder_SerialisesByteIdentical()
    {
        var reordered = Full() with
        {
            RiskGroup = Full().RiskGroup with { Evidence = [.. Full().RiskGroup.Evidence.Reverse()] },
            Course = Full().Course with { Evidence = [.. Full().Course.Evidence.Reverse()] },
        };

        Assert.Equal(Serialise(Build(Full()).Outcomes), Serialise(Build(reordered).Outcomes));
    }

    [Fact]
    public void Build_Output_ParsesBackUnderStrictFirelyRules()
    {
        foreach (var line in Serialise(Build(Full()).Outcomes))
        {
            var resource = JsonSerializer.Deserialize<Resource>(line, FhirJson.Options);
            Assert.Equal(line, JsonSerializer.Serialize(resource, FhirJson.Options));
        }
    }

    [Fact]
    public void Options_Shared_OneCompactReadOnlyInstance()
    {
        Assert.Same(FhirJson.Options, FhirJson.Options);
        Assert.True(FhirJson.Options.IsReadOnly);
        Assert.False(FhirJson.Options.WriteIndented);
        Assert.DoesNotContain('\n', Serialise(Build(Full()).Outcomes)[0]);
    }

    private static List<string> Serialise(PatientOutcomes outcomes) =>
    [
        .. outcomes.Observations.Select(o => JsonSerializer.Serialize<Resource>(o, FhirJson.Options)),
        JsonSerializer.Serialize<Resource>(outcomes.Provenance, FhirJson.Options),
    ];
}
