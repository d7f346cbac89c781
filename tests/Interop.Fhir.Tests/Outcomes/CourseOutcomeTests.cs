using Hl7.Fhir.Model;
using Interop.Domain.Results;
using static Interop.Fhir.Tests.Outcomes.AssessmentSamples;

using Interop.Fhir.Outcomes;

namespace Interop.Fhir.Tests.Outcomes;

public sealed class CourseOutcomeTests
{
    [Fact]
    public void Build_CompletedCourse_HasStateComponentsAndPeriodWithOffsets()
    {
        var observation = Build(Full()).Get(OutcomeCodes.Course);

        Assert.Equal("completed", BuildResult.ValueCode(observation.Value));
        var period = BuildResult.As<Period>(observation.Effective);
        Assert.Equal("2024-03-01T08:00:00+01:00", period.Start);
        Assert.Equal("2024-03-29T08:00:00+02:00", period.End);
        Assert.Equal(["infusion-days", "cumulative-dose", "interruptions"], observation.Component.Select(c => c.Code!.Coding.Single().Code));

        var days = BuildResult.As<Quantity>(BuildResult.Component(observation, "infusion-days").Value);
        Assert.Equal((28m, "d", "http://unitsofmeasure.org", "d"), (days.Value!.Value, days.Unit, days.System, days.Code));
        var dose = BuildResult.As<Quantity>(BuildResult.Component(observation, "cumulative-dose").Value);
        Assert.Equal((420m, "ug/m2", "http://unitsofmeasure.org", "ug/m2"), (dose.Value!.Value, dose.Unit, dose.System, dose.Code));
        Assert.Equal(1, BuildResult.As<Integer>(BuildResult.Component(observation, "interruptions").Value).Value);
        Assert.Contains("\"value\":420,", BuildResult.Json(observation), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CourseWithoutDose_OmitsCumulativeDoseComponent()
    {
        var assessment = Full() with { Course = Full().Course with { CumulativeDosePerSquareMetre = null } };

        var observation = Build(assessment).Get(OutcomeCodes.Course);

        Assert.Equal(["infusion-days", "interruptions"], observation.Component.Select(c => c.Code!.Coding.Single().Code));
    }

    [Theory]
    [InlineData(DoseUnknownReason.DoseNotRecorded)]
    [InlineData(DoseUnknownReason.BodySurfaceAreaMissing)]
    [InlineData(DoseUnknownReason.RateWithoutRecordedEnd)]
    [InlineData(DoseUnknownReason.DoseNotReadable)]
    public void Build_CourseWithUnknownDose_CumulativeDoseComponentSaysWhyWithoutValue(DoseUnknownReason reason)
    {
        var assessment = Full() with { Course = Full().Course with { CumulativeDosePerSquareMetre = null, CumulativeDoseUnknown = reason } };

        var observation = Build(assessment).Get(OutcomeCodes.Course);

        Assert.Equal(["infusion-days", "cumulative-dose", "interruptions"], observation.Component.Select(c => c.Code!.Coding.Single().Code));
        var dose = BuildResult.Component(observation, "cumulative-dose");
        Assert.Null(dose.Value);
        var absent = Assert.IsType<CodeableConcept>(dose.DataAbsentReason).Coding.Single();
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown"), (absent.System, absent.Code));
        Assert.False(string.IsNullOrWhiteSpace(dose.DataAbsentReason!.Text));
    }

    [Theory]
    [InlineData(CourseState.InProgress, "in-progress")]
    [InlineData(CourseState.DiscontinuedToxicity, "discontinued-toxicity")]
    [InlineData(CourseState.DiscontinuedOther, "discontinued-other")]
    public void Build_CourseStates_MapToCodes(CourseState state, string code) =>
        Assert.Equal(code, BuildResult.ValueCode(Build(Full() with { Course = Full().Course with { State = state } }).Get(OutcomeCodes.Course).Value));

    [Fact]
    public void Build_EligibleNotStarted_WritesNotStartedCourseWithoutPeriod()
    {
        var observation = Build(NotStarted(EligibilityVerdict.Eligible)).Get(OutcomeCodes.Course);

        Assert.Equal("not-started", BuildResult.ValueCode(observation.Value));
        Assert.Null(observation.Effective);
        Assert.Equal(0m, BuildResult.As<Quantity>(BuildResult.Component(observation, "infusion-days").Value).Value);
    }

    [Fact]
    public void Build_IneligibleNotStarted_OmitsCourse() =>
        Assert.False(Build(NotStarted(EligibilityVerdict.Ineligible)).Has(OutcomeCodes.Course));

    [Fact]
    public void Build_IneligibleButStarted_WritesCourse()
    {
        var assessment = Full() with { Eligibility = new EligibilityResult(EligibilityVerdict.Ineligible, Criteria(CriterionStatus.NotMet), RuleSetVersion) };

        Assert.True(Build(assessment).Has(OutcomeCodes.Course));
    }

    [Fact]
    public void Build_CourseStillRunning_PeriodHasStartAndAsOfEnd()
    {
        var start = new DateTimeOffset(2025, 2, 20, 9, 15, 30, TimeSpan.FromHours(-5));
        var assessment = Full() with { Course = Full().Course with { State = CourseState.InProgress, FirstStart = start, LastEnd = null } };

        var period = BuildResult.As<Period>(Build(assessment).Get(OutcomeCodes.Course).Effective);

        Assert.Equal("2025-02-20T09:15:30-05:00", period.Start);
        Assert.Null(period.End);
    }
}
