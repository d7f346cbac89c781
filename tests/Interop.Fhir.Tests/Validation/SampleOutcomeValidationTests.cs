using Interop.Fhir.Outcomes;

namespace Interop.Fhir.Tests.Validation;

/// <summary>Everything the pipeline writes for the bundled sample meets its profile.</summary>
[Collection(ValidationCollection.Name)]
public sealed class SampleOutcomeValidationTests(ValidatorFixture fixture)
{
    [Fact]
    public void Validate_EverySampleOutcome_IsValid()
    {
        Assert.NotEmpty(fixture.SampleOutcomes);
        var failures = fixture.SampleOutcomes
            .SelectMany(o => o.All())
            .Select(fixture.Validator.Validate)
            .Where(r => !r.IsValid)
            .Select(r => $"{r.ResourceType}/{r.ResourceId}: {r.Reason}")
            .ToList();

        Assert.Empty(failures);
    }

    [Fact]
    public void Validate_SampleOutcomes_CoverEveryOutcomeProfile()
    {
        var profiles = fixture.SampleOutcomes
            .SelectMany(o => o.All())
            .Select(r => fixture.Validator.Validate(r).ProfileName)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var code in OutcomeCodes.All)
        {
            Assert.Contains("blinfant-" + code, profiles);
        }

        Assert.Contains("blinfant-provenance", profiles);
        Assert.Contains("ResearchSubject", profiles);
    }

    [Fact]
    public void Validate_SampleObservations_CarryTheirOwnProfile()
    {
        foreach (var observation in fixture.SampleOutcomes.SelectMany(o => o.Observations))
        {
            var result = fixture.Validator.Validate(observation);
            Assert.Equal("blinfant-" + observation.Code.Coding[0].Code, result.ProfileName);
        }
    }
}
