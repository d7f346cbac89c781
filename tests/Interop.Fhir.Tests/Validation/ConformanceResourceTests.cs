using Hl7.Fhir.Model;
using Interop.Fhir.Validation;

namespace Interop.Fhir.Tests.Validation;

/// <summary>The embedded conformance resources: complete, and each valid against FHIR R4 core.</summary>
[Collection(ValidationCollection.Name)]
public sealed class ConformanceResourceTests(ValidatorFixture fixture)
{
    private const string Base = "https://fhir.blinfant-interop.org/StructureDefinition/";

    public static TheoryData<string> ResourceKeys()
    {
        var data = new TheoryData<string>();
        foreach (var resource in ConformanceResources.Load())
        {
            data.Add($"{resource.TypeName}/{resource.Id}");
        }

        return data;
    }

    [Fact]
    public void Load_Embedded_HasEveryProfileTheAdapterWrites()
    {
        var urls = ConformanceResources.Load().OfType<StructureDefinition>().Select(sd => sd.Url).ToHashSet(StringComparer.Ordinal);

        foreach (var name in new[]
        {
            "blinfant-eligibility", "blinfant-interfant06-risk-group", "blinfant-blinatumomab-course",
            "blinfant-mrd-after-blinatumomab", "blinfant-primary-endpoint", "blinfant-dfs-status", "blinfant-os-status",
            "blinfant-provenance", "criterion-evidence",
        })
        {
            Assert.Contains(Base + name, urls);
        }
    }

    [Fact]
    public void Load_Embedded_HasTheResearchStudyAndOurCodeSystems()
    {
        var resources = ConformanceResources.Load();

        Assert.Contains(resources.OfType<ResearchStudy>(), s => s.Id == "blinfant");
        var systems = resources.OfType<CodeSystem>().Select(c => c.Url).ToList();
        Assert.Contains(Canonical.BlinfantCodeSystem, systems);
        Assert.Contains(Canonical.CriterionCodeSystem, systems);
        Assert.Contains(Canonical.RiskGroupCodeSystem, systems);
    }

    [Theory]
    [MemberData(nameof(ResourceKeys))]
    public void Validate_ConformanceResourceAgainstCore_IsValid(string key)
    {
        // As committed (differential only), not the snapshotted copies the validator uses.
        var resource = ConformanceResources.Load().Single(r => $"{r.TypeName}/{r.Id}" == key);
        Assert.Empty(resource.Meta?.Profile ?? []);

        var result = fixture.Validator.Validate(resource);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(i => $"{i.Code} at {i.Location}: {i.Message}")));
        Assert.Equal(resource.TypeName, result.ProfileName);
    }
}
