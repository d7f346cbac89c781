using Hl7.Fhir.Model;

namespace Interop.Sync.Tests;

/// <summary>
/// The one set of EHR requirements (issue 11). Where the go-live check and the sync used to disagree, the check's rule
/// was kept: a rest entry that is not the server's does not describe the server, the adapter writes R4 only, and
/// outcomes are written as <c>PUT Observation?identifier=</c>, which needs update and the identifier search.
/// </summary>
public sealed class EhrRequirementsTests
{
    [Fact]
    public void Missing_CompleteServer_Empty()
    {
        Assert.Empty(EhrRequirements.Missing(Complete()));
        Assert.All(EhrRequirements.Evaluate(Complete()), r => Assert.True(r.Met, r.Check));
    }

    [Fact]
    public void Missing_OnlyAClientRestSection_NoServerSection()
    {
        var capabilities = Complete();
        capabilities.Rest[0].Mode = CapabilityStatement.RestfulCapabilityMode.Client;

        Assert.Equal(["a server REST section"], EhrRequirements.Missing(capabilities));
    }

    [Theory]
    [InlineData(FHIRVersion.N4_0_1, true)]
    [InlineData(FHIRVersion.N4_0_0, true)]
    [InlineData(FHIRVersion.N3_0_2, false)]
    [InlineData(FHIRVersion.N4_3_0, false)]
    [InlineData(FHIRVersion.N5_0_0, false)]
    public void Evaluate_FhirVersion_OnlyR4Met(FHIRVersion version, bool met)
    {
        var capabilities = Complete();
        capabilities.FhirVersion = version;

        Assert.Equal(met, EhrRequirements.Evaluate(capabilities).Single(r => r.Check == EhrRequirements.FhirVersionCheck).Met);
    }

    [Fact]
    public void Missing_NoFhirVersion_Named()
    {
        var capabilities = Complete();
        capabilities.FhirVersion = null;

        Assert.Equal(["FHIR R4 (states no fhirVersion)"], EhrRequirements.Missing(capabilities));
    }

    [Fact]
    public void Missing_ConditionalUpdateWithoutUpdateInteraction_ConditionalUpdateMissing()
    {
        var capabilities = Complete();
        Observation(capabilities).Interaction.RemoveAll(i => i.Code == CapabilityStatement.TypeRestfulInteraction.Update);

        Assert.Equal(["conditional update on Observation"], EhrRequirements.Missing(capabilities));
    }

    [Fact]
    public void Missing_NoIdentifierSearchOnObservation_ConditionalUpdateByIdentifierMissing()
    {
        var capabilities = Complete();
        Observation(capabilities).SearchParam.RemoveAll(p => p.Name == "identifier");

        Assert.Equal(["conditional update on Observation by identifier"], EhrRequirements.Missing(capabilities));
    }

    [Fact]
    public void Missing_NoTransactionNoConditionalUpdate_BothInOrder()
    {
        var capabilities = Complete();
        capabilities.Rest[0].Interaction.Clear();
        Observation(capabilities).ConditionalUpdate = false;

        Assert.Equal(["transaction", "conditional update on Observation"], EhrRequirements.Missing(capabilities));
    }

    [Fact]
    public void Missing_ConditionSearchWithoutCode_SearchNamed()
    {
        var capabilities = Complete();
        capabilities.Rest[0].Resource.Single(r => r.Type == "Condition").SearchParam.RemoveAll(p => p.Name == "code");

        Assert.Equal(["Condition search by code"], EhrRequirements.Missing(capabilities));
    }

    [Fact]
    public void Missing_SubjectOrPatient_EitherIsEnough()
    {
        var capabilities = Complete();
        capabilities.Rest[0].Resource.Single(r => r.Type == "Condition").SearchParam.RemoveAll(p => p.Name == "subject");

        Assert.Empty(EhrRequirements.Missing(capabilities));
    }

    [Fact]
    public void Missing_NoProvenanceCreate_Named()
    {
        var capabilities = Complete();
        capabilities.Rest[0].Resource.Single(r => r.Type == "Provenance").Interaction.Clear();

        Assert.Equal(["create on Provenance"], EhrRequirements.Missing(capabilities));
    }

    [Fact]
    public void SupportsResearchSubject_OnlyAClientSection_False()
    {
        var capabilities = Complete();
        var subject = Resource("ResearchSubject", "identifier");
        subject.ConditionalUpdate = true;
        subject.ConditionalDelete = CapabilityStatement.ConditionalDeleteStatus.Single;
        capabilities.Rest[0].Resource.Add(subject);
        Assert.True(EhrRequirements.SupportsResearchSubject(capabilities));

        capabilities.Rest[0].Mode = CapabilityStatement.RestfulCapabilityMode.Client;

        Assert.False(EhrRequirements.SupportsResearchSubject(capabilities));
    }

    private static CapabilityStatement.ResourceComponent Observation(CapabilityStatement capabilities) =>
        capabilities.Rest[0].Resource.Single(r => r.Type == "Observation");

    private static CapabilityStatement Complete()
    {
        var rest = new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Interaction = [new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.Transaction }],
        };
        rest.Resource.Add(Resource("Patient", "_lastUpdated", "_id"));
        rest.Resource.Add(Resource("Condition", "_lastUpdated", "code", "subject", "patient"));
        var observation = Resource("Observation", "_lastUpdated", "code", "subject", "patient", "identifier");
        observation.ConditionalUpdate = true;
        rest.Resource.Add(observation);
        rest.Resource.Add(Resource("MedicationAdministration", "_lastUpdated", "code", "patient"));
        rest.Resource.Add(Resource("Provenance", "target"));
        return new CapabilityStatement { Status = PublicationStatus.Active, FhirVersion = FHIRVersion.N4_0_1, Rest = [rest] };
    }

    private static CapabilityStatement.ResourceComponent Resource(string type, params string[] searchParameters) => new()
    {
        Type = type,
        Interaction =
        [
            .. new[]
            {
                CapabilityStatement.TypeRestfulInteraction.Read,
                CapabilityStatement.TypeRestfulInteraction.SearchType,
                CapabilityStatement.TypeRestfulInteraction.Create,
                CapabilityStatement.TypeRestfulInteraction.Update,
            }.Select(code => new CapabilityStatement.ResourceInteractionComponent { Code = code }),
        ],
        SearchParam = [.. searchParameters.Select(p => new CapabilityStatement.SearchParamComponent { Name = p, Type = SearchParamType.Token })],
    };
}
