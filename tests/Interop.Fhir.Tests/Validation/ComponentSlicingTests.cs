using Hl7.Fhir.Model;
using Interop.Fhir.Outcomes;

namespace Interop.Fhir.Tests.Validation;

/// <summary>
/// The closed component slicing of the outcome profiles (RuleSet ComponentsByCode, discriminated by the value of the
/// one coding's code): every component must be one of the profile's slices, each at most once, required ones present,
/// and a matched component still carries its slice's full code (system and code, one coding).
/// </summary>
[Collection(ValidationCollection.Name)]
public sealed class ComponentSlicingTests(ValidatorFixture fixture)
{
    private const string CriterionSystem = "https://fhir.blinfant-interop.org/CodeSystem/blinfant-criterion";
    private const string DataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    private const string NoSliceMatched = "does not match any slice";
    private const string RequiredSliceMissing = "No elements matched required slice";
    private const string TwiceInOneSlice = "is 2, which is not within the specified cardinality of 1..1 (for slice";

    [Fact]
    public void Validate_SampleEligibility_Valid()
    {
        var observation = fixture.Outcome(OutcomeCodes.Eligibility);

        Assert.Equal(7, observation.Component.Count);
        Assert.True(fixture.Validator.Validate(observation).IsValid);
    }

    [Fact]
    public void Validate_CourseWithCumulativeDoseAbsentWithReason_Valid()
    {
        var observation = fixture.Outcome(OutcomeCodes.Course);
        var dose = observation.Component.Single(c => c.Code.Coding[0].Code == "cumulative-dose");
        dose.Value = null;
        dose.DataAbsentReason = new CodeableConcept(DataAbsentReason, "unknown", "Unknown", "An administration records no dose or rate.");

        var result = fixture.Validator.Validate(observation);

        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public void Validate_CumulativeDoseWithValueAndReason_RejectedByInvariant()
    {
        var observation = fixture.Outcome(OutcomeCodes.Course);
        observation.Component.Single(c => c.Code.Coding[0].Code == "cumulative-dose").DataAbsentReason = new CodeableConcept(DataAbsentReason, "unknown");

        var result = fixture.Validator.Validate(observation);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, i => i.Message.Contains("blinfant-value-or-absent-reason", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CumulativeDoseAbsentWithOtherReason_Rejected()
    {
        var observation = fixture.Outcome(OutcomeCodes.Course);
        var dose = observation.Component.Single(c => c.Code.Coding[0].Code == "cumulative-dose");
        dose.Value = null;
        dose.DataAbsentReason = new CodeableConcept(DataAbsentReason, "masked");

        Assert.False(fixture.Validator.Validate(observation).IsValid);
    }

    [Fact]
    public void Validate_InfusionDaysAbsentWithReason_Rejected()
    {
        // Only the cumulative dose may be absent with a reason: the infusion days are always known.
        var observation = fixture.Outcome(OutcomeCodes.Course);
        var days = observation.Component.Single(c => c.Code.Coding[0].Code == "infusion-days");
        days.Value = null;
        days.DataAbsentReason = new CodeableConcept(DataAbsentReason, "unknown");

        Assert.False(fixture.Validator.Validate(observation).IsValid);
    }

    [Fact]
    public void Validate_EligibilityComponentWithUnknownCode_RejectedAsNoSlice()
    {
        var observation = fixture.Outcome(OutcomeCodes.Eligibility);
        observation.Component[3].Code.Coding[0].Code = "age-at-relapse";

        var result = fixture.Validator.Validate(observation);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, i => i.Message.Contains(NoSliceMatched, StringComparison.Ordinal));
        Assert.Contains(result.Errors, i => i.Message.Contains(RequiredSliceMissing, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EligibilityWithDuplicatedCriterion_RejectedAtTheSlice()
    {
        var observation = fixture.Outcome(OutcomeCodes.Eligibility);
        var duplicated = observation.Component[0].Code.Coding[0].Code;
        observation.Component[1] = (Observation.ComponentComponent)observation.Component[0].DeepCopy();

        var result = fixture.Validator.Validate(observation);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, i => i.Number == "1028" && i.Message.Contains(TwiceInOneSlice + " ageAtDiagnosis)", StringComparison.Ordinal));
        Assert.Contains(result.Errors, i => i.Message.Contains(RequiredSliceMissing + ": 'component:ageAtBlinatumomabStart'", StringComparison.Ordinal));
        Assert.Equal(2, observation.Component.Count(c => c.Code.Coding[0].Code == duplicated));
    }

    [Fact]
    public void Validate_EligibilityWithExtraDuplicateCriterion_Rejected()
    {
        // Eight components: the duplicate also breaks component 7..7, so the slice's own 1..1 is checked on the
        // course profile below, which has no total count.
        var observation = fixture.Outcome(OutcomeCodes.Eligibility);
        observation.Component.Add((Observation.ComponentComponent)observation.Component[6].DeepCopy());

        Assert.False(fixture.Validator.Validate(observation).IsValid);
    }

    [Fact]
    public void Validate_EligibilityWithMissingCriterion_RejectedAsRequiredSliceMissing()
    {
        var observation = fixture.Outcome(OutcomeCodes.Eligibility);
        var missing = observation.Component[4].Code.Coding[0].Code;
        observation.Component.RemoveAt(4);

        var result = fixture.Validator.Validate(observation);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, i => i.Message.Contains(RequiredSliceMissing, StringComparison.Ordinal));
        Assert.DoesNotContain(observation.Component, c => c.Code.Coding[0].Code == missing);
    }

    [Fact]
    public void Validate_CriterionCodeInAnotherSystem_Rejected()
    {
        // The slice pattern is system and code: the right code in the wrong code system matches no slice.
        var observation = fixture.Outcome(OutcomeCodes.Eligibility);
        observation.Component[2].Code.Coding[0].System = "https://fhir.blinfant-interop.org/CodeSystem/blinfant";

        Assert.False(fixture.Validator.Validate(observation).IsValid);
    }

    [Fact]
    public void Validate_CriterionCodeWithATranslation_StillMatchesItsSlice()
    {
        // A pattern on a CodeableConcept allows further codings: a receiver that adds a local translation to a stored
        // outcome still validates it (the reason the slicing stays a pattern, not a value on code.coding.code).
        var observation = fixture.Outcome(OutcomeCodes.Eligibility);
        observation.Component[5].Code.Coding.Add(new Coding("urn:oid:2.16.840.1.113883.2.4.3.11.60.1", "local-criterion-6"));

        Assert.True(fixture.Validator.Validate(observation).IsValid);
    }

    [Fact]
    public void Validate_CourseWithDuplicatedInterruptions_RejectedAtTheSliceMax()
    {
        var observation = fixture.Outcome(OutcomeCodes.Course);
        observation.Component.Add((Observation.ComponentComponent)observation.Component
            .First(c => c.Code.Coding[0].Code == "interruptions").DeepCopy());

        var result = fixture.Validator.Validate(observation);

        Assert.False(result.IsValid);
        var issue = Assert.Single(result.Errors);
        Assert.Contains(TwiceInOneSlice + " interruptions)", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CourseWithoutOptionalCumulativeDose_Valid()
    {
        var observation = fixture.Outcome(OutcomeCodes.Course);
        observation.Component.RemoveAll(c => c.Code.Coding[0].Code == "cumulative-dose");

        Assert.True(fixture.Validator.Validate(observation).IsValid);
    }

    [Fact]
    public void Validate_DfsComponentWithUnknownCode_RejectedByClosedSlicing()
    {
        // The DFS profile has no component count: only the closed slicing rejects an unknown component.
        var observation = fixture.Outcome(OutcomeCodes.DfsStatus);
        observation.Component.Add(new Observation.ComponentComponent
        {
            Code = new CodeableConcept("https://fhir.blinfant-interop.org/CodeSystem/blinfant", "relapse-date"),
            Value = new FhirBoolean(true),
        });

        var result = fixture.Validator.Validate(observation);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, i => i.Message.Contains(NoSliceMatched, StringComparison.Ordinal));
    }
}
