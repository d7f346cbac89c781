using Hl7.Fhir.Model;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Validation;

namespace Interop.Fhir.Tests.Validation;

/// <summary>Hand-broken outcomes are rejected with the validator's issue, and the reported reason quotes no value.</summary>
[Collection(ValidationCollection.Name)]
public sealed class BrokenOutcomeTests(ValidatorFixture fixture)
{
    [Fact]
    public void Validate_WrongOutcomeCode_RejectedAtCode()
    {
        var observation = fixture.Outcome(OutcomeCodes.Eligibility);
        observation.Code.Coding[0].Code = "eligibility-typo";

        var result = fixture.Validator.Validate(observation);

        Assert.False(result.IsValid);
        var issue = Assert.Single(result.Errors, i => i.Location.StartsWith("Observation.code", StringComparison.Ordinal));
        Assert.Equal("invalid", issue.Code);
        Assert.Contains("does not match pattern", issue.Message, StringComparison.Ordinal);
        Assert.StartsWith("profile blinfant-eligibility: invalid at Observation.code", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("eligibility-typo", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingIdentifier_RejectedAsMissingMember()
    {
        var observation = fixture.Outcome(OutcomeCodes.OsStatus);
        observation.Identifier.Clear();

        var result = fixture.Validator.Validate(observation);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, i => i.Number == "1028" && i.Message.Contains("'identifier'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, i => i.Message.Contains("identifier:outcome", StringComparison.Ordinal));
        Assert.Equal("profile blinfant-os-status: invalid at Observation (and 1 more)", result.Reason);
    }

    [Fact]
    public void Validate_WrongIdentifierSystem_Rejected()
    {
        var observation = fixture.Outcome(OutcomeCodes.DfsStatus);
        observation.Identifier[0].System = "https://example.org/other";

        Assert.False(fixture.Validator.Validate(observation).IsValid);
    }

    [Fact]
    public void Validate_ValueOutsideItsValueSet_RejectedAsCodeInvalid()
    {
        // "alive" is a code of the blinfant code system, but not an eligibility verdict.
        var observation = fixture.Outcome(OutcomeCodes.Eligibility);
        Assert.IsType<CodeableConcept>(observation.Value).Coding[0].Code = "alive";

        var result = fixture.Validator.Validate(observation);

        Assert.False(result.IsValid);
        var issue = Assert.Single(result.Errors);
        Assert.Equal("code-invalid", issue.Code);
        Assert.Equal("6007", issue.Number);
        Assert.Equal("Observation.value[0]", issue.Location);
        Assert.Contains("eligibility-verdict", issue.Message, StringComparison.Ordinal);
        Assert.Equal("profile blinfant-eligibility: code-invalid at Observation.value[0]", result.Reason);
    }

    [Fact]
    public void Validate_UnknownCodeInOwnCodeSystem_RejectedLocally()
    {
        var observation = fixture.Outcome(OutcomeCodes.RiskGroup);
        Assert.IsType<CodeableConcept>(observation.Value).Coding[0].Code = "XR";

        var result = fixture.Validator.Validate(observation);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, i => i.Code == "code-invalid");
    }

    [Fact]
    public void Validate_CriterionComponentWithUnknownStatus_Rejected()
    {
        var observation = fixture.Outcome(OutcomeCodes.Eligibility);
        Assert.IsType<CodeableConcept>(observation.Component[0].Value).Coding[0].Code = "maybe";

        Assert.False(fixture.Validator.Validate(observation).IsValid);
    }

    [Fact]
    public void Validate_WrongUcumUnitOnCourseComponent_Rejected()
    {
        // The profiles pin each quantity's UCUM code; the unit is checked by that pattern, without a terminology server.
        var observation = fixture.Outcome(OutcomeCodes.Course);
        var days = observation.Component.First(c => c.Code.Coding[0].Code == "infusion-days");
        Assert.IsType<Quantity>(days.Value).Code = "h";

        Assert.False(fixture.Validator.Validate(observation).IsValid);
    }

    [Fact]
    public void Validate_MissingSubject_Rejected()
    {
        var observation = fixture.Outcome(OutcomeCodes.PrimaryEndpoint);
        observation.Subject = null;

        var result = fixture.Validator.Validate(observation);

        Assert.Contains(result.Errors, i => i.Message.Contains("'subject'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownProfile_RejectedAsIncomplete()
    {
        var observation = fixture.Outcome(OutcomeCodes.OsStatus);
        observation.Meta!.Profile = ["https://fhir.blinfant-interop.org/StructureDefinition/no-such-profile"];

        var result = fixture.Validator.Validate(observation);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, i => i.Code == "incomplete");
    }

    [Fact]
    public void Validate_ProvenanceEntityNotSource_Rejected()
    {
        var provenance = (Provenance)fixture.SampleOutcomes[0].Provenance.DeepCopy();
        provenance.Entity[0].Role = Provenance.ProvenanceEntityRole.Derivation;

        var result = fixture.Validator.Validate(provenance);

        Assert.False(result.IsValid);
        Assert.StartsWith("profile blinfant-provenance:", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReferenceToTheWrongType_NotDetectedOffline()
    {
        // Known limit: a reference's target type is checked only when the validator can resolve it, and this one
        // resolves nothing (no network). The builders write Observation-only derivedFrom and targets (ADR 0002).
        var provenance = (Provenance)fixture.SampleOutcomes[0].Provenance.DeepCopy();
        provenance.Target.Add(new ResourceReference("Patient/p001"));

        Assert.True(fixture.Validator.Validate(provenance).IsValid);
    }

    [Fact]
    public void Validate_ResearchSubjectWithoutStudy_RejectedAgainstCore()
    {
        var subject = (ResearchSubject)fixture.SampleOutcomes[0].ResearchSubject!.DeepCopy();
        subject.Study = null!;

        var result = fixture.Validator.Validate(subject);

        Assert.False(result.IsValid);
        Assert.Equal("ResearchSubject", result.ProfileName);
    }

    [Fact]
    public void Reason_ValidResource_IsEmpty()
    {
        var result = new OutcomeValidation("Observation", "x", "https://example.org/StructureDefinition/p", []);

        Assert.True(result.IsValid);
        Assert.Equal(string.Empty, result.Reason);
    }
}
