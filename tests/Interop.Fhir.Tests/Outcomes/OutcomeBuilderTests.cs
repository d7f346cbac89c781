using Hl7.Fhir.Model;
using Interop.Domain.Results;
using static Interop.Fhir.Tests.Outcomes.AssessmentSamples;

using Interop.Fhir.Outcomes;

namespace Interop.Fhir.Tests.Outcomes;

public sealed class OutcomeBuilderTests
{
    private const string Blinfant = Canonical.BlinfantCodeSystem;

    [Fact]
    public void Build_FullAssessment_WritesEveryOutcomeInContractOrder() =>
        Assert.Equal(OutcomeCodes.All, Build(Full()).Codes);

    [Fact]
    public void Build_WithRuleSetFingerprint_EveryOutcomesMethodCarriesVersionAndFingerprint()
    {
        const string fingerprint = "sha256:0123456789abcdef0123456789abcdef";
        var outcomes = new OutcomeBuilder(StudyId, AdapterVersion, fingerprint).Build(Full(), Issued);

        foreach (var observation in outcomes.Observations)
        {
            Assert.Equal(Full().Eligibility.RuleSetVersion, observation.Method!.Text);
            var coding = Assert.Single(observation.Method.Coding);
            Assert.Equal((Canonical.RuleSetFingerprintSystem, fingerprint), (coding.System, coding.Code));
        }
    }

    [Fact]
    public void Build_AnyOutcome_CarriesIdentityProfileStatusCategoryCodeSubjectAndIssued()
    {
        foreach (var observation in Build(Full()).Outcomes.Observations)
        {
            var code = observation.Code!.Coding.Single();
            var identifierValue = $"{StudyId}/{code.Code}/{PatientId}";

            Assert.Equal(OutcomeIdentity.ResourceId(identifierValue), observation.Id);
            Assert.Equal([$"https://fhir.blinfant-interop.org/StructureDefinition/blinfant-{code.Code}"], observation.Meta!.Profile);
            var identifier = Assert.Single(observation.Identifier);
            Assert.Equal("https://fhir.blinfant-interop.org/sid/outcome", identifier.System);
            Assert.Equal(identifierValue, identifier.Value);
            Assert.Equal(ObservationStatus.Final, observation.Status);
            var category = Assert.Single(Assert.Single(observation.Category).Coding);
            Assert.Equal((Blinfant, "trial-assessment"), (category.System, category.Code));
            Assert.Equal(Blinfant, code.System);
            Assert.False(string.IsNullOrWhiteSpace(code.Display));
            Assert.Equal("Patient/pat-1", observation.Subject!.Reference);
            Assert.Equal(Issued, observation.Issued);
        }
    }

    [Fact]
    public void Build_Eligibility_HasVerdictRuleSetAsOfDateAndOneComponentPerCriterion()
    {
        var observation = Build(Full()).Get(OutcomeCodes.Eligibility);

        Assert.Equal("eligible", BuildResult.ValueCode(observation.Value));
        Assert.Equal(Blinfant, BuildResult.ValueSystem(observation.Value));
        Assert.Equal(RuleSetVersion, observation.Method!.Text);
        Assert.Equal("2025-03-01", BuildResult.As<FhirDateTime>(observation.Effective).Value);
        Assert.Equal(CriterionIds.All, observation.Component.Select(c => c.Code!.Coding.Single().Code));
        Assert.All(observation.Component, c =>
        {
            Assert.Equal(Canonical.CriterionCodeSystem, c.Code!.Coding.Single().System);
            Assert.Equal("met", BuildResult.ValueCode(c.Value));
        });
    }

    [Theory]
    [InlineData(EligibilityVerdict.Ineligible, CriterionStatus.NotMet, "ineligible", "not-met")]
    [InlineData(EligibilityVerdict.Undetermined, CriterionStatus.Unknown, "undetermined", "unknown")]
    public void Build_EligibilityVerdicts_MapToCodes(EligibilityVerdict verdict, CriterionStatus status, string verdictCode, string statusCode)
    {
        var assessment = Full() with { Eligibility = new EligibilityResult(verdict, Criteria(status), RuleSetVersion) };

        var observation = Build(assessment).Get(OutcomeCodes.Eligibility);

        Assert.Equal(verdictCode, BuildResult.ValueCode(observation.Value));
        Assert.All(observation.Component, c => Assert.Equal(statusCode, BuildResult.ValueCode(c.Value)));
    }

    [Fact]
    public void Build_EligibilityComponent_CarriesItsOwnEvidenceOfAnyTypeSortedDistinct()
    {
        var observation = Build(Full()).Get(OutcomeCodes.Eligibility);

        var component = BuildResult.Component(observation, CriterionIds.AgeAtBlinatumomabStart);
        Assert.All(component.Extension, e => Assert.Equal("https://fhir.blinfant-interop.org/StructureDefinition/criterion-evidence", e.Url));
        Assert.Equal(
            ["MedicationAdministration/blina-1/_history/2", "Patient/pat-1/_history/4"],
            component.Extension.Select(e => BuildResult.As<ResourceReference>(e.Value).Reference));
        Assert.Equal(
            ["Observation/kmt2a-1/_history/1"],
            BuildResult.Component(observation, CriterionIds.Kmt2aRearranged).Extension.Select(e => BuildResult.As<ResourceReference>(e.Value).Reference));
    }

    [Fact]
    public void Build_Eligibility_DerivedFromHoldsOnlyObservationEvidenceSortedDistinct()
    {
        var observation = Build(Full()).Get(OutcomeCodes.Eligibility);

        Assert.Equal(
            ["Observation/bm-33/_history/3", "Observation/cd19-1", "Observation/kmt2a-1/_history/1"],
            observation.DerivedFrom.Select(r => r.Reference));
    }

    [Fact]
    public void Build_OutcomeWithoutObservationEvidence_HasNoDerivedFrom()
    {
        var result = Build(Full());

        Assert.Empty(result.Get(OutcomeCodes.OsStatus).DerivedFrom);
        Assert.DoesNotContain("derivedFrom", BuildResult.Json(result.Get(OutcomeCodes.OsStatus)), StringComparison.Ordinal);
        Assert.Equal(["Observation/bsa-1/_history/1"], result.Get(OutcomeCodes.Course).DerivedFrom.Select(r => r.Reference));
    }

    [Fact]
    public void Build_RiskGroup_UsesRiskGroupSystemAndDiagnosisDate()
    {
        var observation = Build(Full()).Get(OutcomeCodes.RiskGroup);

        Assert.Equal("HR", BuildResult.ValueCode(observation.Value));
        Assert.Equal("https://fhir.blinfant-interop.org/CodeSystem/interfant06-risk-group", BuildResult.ValueSystem(observation.Value));
        Assert.Equal("2024-01-10", BuildResult.As<FhirDateTime>(observation.Effective).Value);
        Assert.Equal(["Observation/kmt2a-1/_history/1", "Observation/wbc-1/_history/1"], observation.DerivedFrom.Select(r => r.Reference));
    }

    [Fact]
    public void Build_RiskGroupUnknown_OmitsRiskGroup()
    {
        var assessment = Full() with { RiskGroup = new RiskGroupResult(null, DiagnosisDate, "KMT2A missing", []) };

        Assert.False(Build(assessment).Has(OutcomeCodes.RiskGroup));
    }

    [Fact]
    public void Build_Mrd_HasClassNormalisedLevelAndSpecimenDate()
    {
        var observation = Build(Full()).Get(OutcomeCodes.MrdAfterBlinatumomab);

        Assert.Equal("low-positive", BuildResult.ValueCode(observation.Value));
        Assert.Equal("2024-03-28", BuildResult.As<FhirDateTime>(observation.Effective).Value);
        var level = BuildResult.As<Quantity>(BuildResult.Component(observation, "mrd-level").Value);
        Assert.Equal((0.0001m, "1", "http://unitsofmeasure.org", "1"), (level.Value!.Value, level.Unit, level.System, level.Code));
        Assert.Contains("\"value\":0.0001,", BuildResult.Json(observation), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MrdNotQuantified_OmitsLevelComponent()
    {
        var assessment = Full() with { MrdAfterBlinatumomab = Full().MrdAfterBlinatumomab! with { Class = MrdClass.Negative, Level = null } };

        var observation = Build(assessment).Get(OutcomeCodes.MrdAfterBlinatumomab);

        Assert.Equal("negative", BuildResult.ValueCode(observation.Value));
        Assert.Empty(observation.Component);
    }

    [Fact]
    public void Build_PrimaryEndpoint_IsBooleanAtAsOfDate()
    {
        var observation = Build(Full() with { PrimaryEndpoint = new PrimaryEndpointResult(true, "discontinued for toxicity", [Blina1]) })
            .Get(OutcomeCodes.PrimaryEndpoint);

        Assert.True(BuildResult.As<FhirBoolean>(observation.Value).Value);
        Assert.Equal("2025-03-01", BuildResult.As<FhirDateTime>(observation.Effective).Value);
        Assert.Empty(observation.DerivedFrom);
    }

    [Fact]
    public void Build_DfsRelapse_HasStatusSiteAndEventDate()
    {
        var observation = Build(Full()).Get(OutcomeCodes.DfsStatus);

        Assert.Equal("relapse", BuildResult.ValueCode(observation.Value));
        Assert.Equal("cns", BuildResult.ValueCode(BuildResult.Component(observation, "relapse-site").Value));
        Assert.Equal("2024-09-02", BuildResult.As<FhirDateTime>(observation.Effective).Value);
        Assert.Equal(["Observation/csf-1/_history/5"], observation.DerivedFrom.Select(r => r.Reference));
    }

    [Fact]
    public void Build_DfsDeathWithoutDate_OmitsEffectiveAndSite()
    {
        var assessment = Full() with { Dfs = new DfsResult(DfsStatus.Death, new DateOnly(2024, 3, 1), null, null, [PatientRef]) };

        var observation = Build(assessment).Get(OutcomeCodes.DfsStatus);

        Assert.Equal("death", BuildResult.ValueCode(observation.Value));
        Assert.Null(observation.Effective);
        Assert.Empty(observation.Component);
    }

    [Theory]
    [InlineData(OsStatus.Alive, "alive")]
    [InlineData(OsStatus.Deceased, "deceased")]
    public void Build_Os_HasStatusAndDate(OsStatus status, string code)
    {
        var assessment = Full() with { Os = new OsResult(status, new DateOnly(2024, 3, 1), new DateOnly(2024, 12, 24), [PatientRef]) };

        var observation = Build(assessment).Get(OutcomeCodes.OsStatus);

        Assert.Equal(code, BuildResult.ValueCode(observation.Value));
        Assert.Equal("2024-12-24", BuildResult.As<FhirDateTime>(observation.Effective).Value);
    }

    [Fact]
    public void Build_OsDeathWithoutDate_OmitsEffective() =>
        Assert.Null(Build(Full() with { Os = new OsResult(OsStatus.Deceased, new DateOnly(2024, 3, 1), null, [PatientRef]) })
            .Get(OutcomeCodes.OsStatus).Effective);

    [Fact]
    public void Build_UndeterminedBeforeTreatment_WritesOnlyEligibilityAndRiskGroup() =>
        Assert.Equal([OutcomeCodes.Eligibility, OutcomeCodes.RiskGroup], Build(NotStarted(EligibilityVerdict.Undetermined)).Codes);
}
