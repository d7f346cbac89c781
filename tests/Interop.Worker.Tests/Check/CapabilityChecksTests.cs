using Hl7.Fhir.Model;
using Interop.Worker.Check;

namespace Interop.Worker.Tests.Check;

public sealed class CapabilityChecksTests
{
    [Fact]
    public void Evaluate_EverythingTheSyncNeeds_AllPass()
    {
        var lines = CapabilityChecks.Evaluate(CapabilityStatements.Complete());

        Assert.All(lines, l => Assert.Equal(CheckStatus.Pass, l.Status));
        Assert.Contains(lines, l => l.Check == "search MedicationAdministration");
    }

    [Fact]
    public void Evaluate_NoTransaction_FailsTransaction()
    {
        var capabilities = CapabilityStatements.Complete();
        capabilities.Rest[0].Interaction.Clear();

        var lines = CapabilityChecks.Evaluate(capabilities);

        var line = Assert.Single(lines, l => l.Status == CheckStatus.Fail);
        Assert.Equal("transaction", line.Check);
    }

    [Fact]
    public void Evaluate_ConditionWithoutCodeSearch_FailsNamingTheParameter()
    {
        var capabilities = CapabilityStatements.Complete();
        capabilities.Rest[0].Resource.Single(r => r.Type == "Condition").SearchParam.RemoveAll(p => p.Name == "code");

        var line = Assert.Single(CapabilityChecks.Evaluate(capabilities), l => l.Status == CheckStatus.Fail);

        Assert.Equal("search Condition", line.Check);
        Assert.Contains("code", line.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LastUpdatedOnlyAtSystemLevel_Passes()
    {
        var capabilities = CapabilityStatements.Complete();
        foreach (var resource in capabilities.Rest[0].Resource)
        {
            resource.SearchParam.RemoveAll(p => p.Name == "_lastUpdated");
        }

        capabilities.Rest[0].SearchParam.Add(new CapabilityStatement.SearchParamComponent { Name = "_lastUpdated", Type = SearchParamType.Date });

        Assert.All(CapabilityChecks.Evaluate(capabilities), l => Assert.Equal(CheckStatus.Pass, l.Status));
    }

    [Fact]
    public void Evaluate_Stu3Server_FailsVersion()
    {
        var capabilities = CapabilityStatements.Complete();
        capabilities.FhirVersion = FHIRVersion.N3_0_2;

        var line = Assert.Single(CapabilityChecks.Evaluate(capabilities), l => l.Status == CheckStatus.Fail);

        Assert.Equal("fhir-version", line.Check);
    }

    [Fact]
    public void Evaluate_ObservationWithoutConditionalUpdate_Fails()
    {
        var capabilities = CapabilityStatements.Complete();
        capabilities.Rest[0].Resource.Single(r => r.Type == "Observation").ConditionalUpdate = false;

        var line = Assert.Single(CapabilityChecks.Evaluate(capabilities), l => l.Status == CheckStatus.Fail);

        Assert.Equal("conditional-update", line.Check);
    }

    [Fact]
    public void Evaluate_NoProvenance_FailsProvenanceCreate()
    {
        var capabilities = CapabilityStatements.Complete();
        capabilities.Rest[0].Resource.RemoveAll(r => r.Type == "Provenance");

        var line = Assert.Single(CapabilityChecks.Evaluate(capabilities), l => l.Status == CheckStatus.Fail);

        Assert.Equal("provenance-create", line.Check);
    }
}
