using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Domain.Results;
using Interop.Fhir.Outcomes;

namespace Interop.Fhir.Tests.Validation;

/// <summary>The ResearchSubject of a screened patient: status per docs/trial-rules.md, identity like the outcomes', valid against core.</summary>
[Collection(ValidationCollection.Name)]
public sealed class ResearchSubjectBuilderTests(ValidatorFixture fixture)
{
    private static readonly AsOf AsOf = new(new DateTimeOffset(2026, 6, 1, 23, 59, 59, TimeSpan.FromHours(2)), new DateOnly(2026, 6, 1));
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData(EligibilityVerdict.Eligible, CourseState.NotStarted, ResearchSubject.ResearchSubjectStatus.Eligible)]
    [InlineData(EligibilityVerdict.Ineligible, CourseState.NotStarted, ResearchSubject.ResearchSubjectStatus.Ineligible)]
    [InlineData(EligibilityVerdict.Undetermined, CourseState.NotStarted, ResearchSubject.ResearchSubjectStatus.Screening)]
    [InlineData(EligibilityVerdict.Eligible, CourseState.InProgress, ResearchSubject.ResearchSubjectStatus.OnStudyIntervention)]
    [InlineData(EligibilityVerdict.Ineligible, CourseState.InProgress, ResearchSubject.ResearchSubjectStatus.OnStudyIntervention)]
    [InlineData(EligibilityVerdict.Eligible, CourseState.Completed, ResearchSubject.ResearchSubjectStatus.FollowUp)]
    [InlineData(EligibilityVerdict.Eligible, CourseState.DiscontinuedToxicity, ResearchSubject.ResearchSubjectStatus.FollowUp)]
    [InlineData(EligibilityVerdict.Eligible, CourseState.DiscontinuedOther, ResearchSubject.ResearchSubjectStatus.FollowUp)]
    public void StatusOf_VerdictAndCourse_FollowsTheSubjectStatusChain(
        EligibilityVerdict verdict, CourseState state, ResearchSubject.ResearchSubjectStatus expected)
    {
        var assessment = Assessment(verdict, state, os: state == CourseState.NotStarted ? null : OsStatus.Alive);

        Assert.Equal(expected, ResearchSubjectBuilder.StatusOf(assessment, death: null));
    }

    [Fact]
    public void StatusOf_DeceasedAfterTheCourseStarted_IsOffStudy()
    {
        var assessment = Assessment(EligibilityVerdict.Eligible, CourseState.Completed, OsStatus.Deceased);

        Assert.Equal(ResearchSubject.ResearchSubjectStatus.OffStudy, ResearchSubjectBuilder.StatusOf(assessment, death: null));
    }

    [Fact]
    public void StatusOf_DeathBeforeAnyCourse_IsOffStudy()
    {
        var assessment = Assessment(EligibilityVerdict.Ineligible, CourseState.NotStarted, os: null);
        var death = new Death(new DateOnly(2026, 1, 5), RecordedUnrelatedToBlinatumomab: true, new EvidenceRef("Patient", "p1", null));

        Assert.Equal(ResearchSubject.ResearchSubjectStatus.OffStudy, ResearchSubjectBuilder.StatusOf(assessment, death));
    }

    [Fact]
    public void StatusOf_DeathAfterTheAsOfDate_IsNotYetOffStudy()
    {
        var assessment = Assessment(EligibilityVerdict.Eligible, CourseState.NotStarted, os: null);
        var death = new Death(new DateOnly(2026, 7, 1), RecordedUnrelatedToBlinatumomab: true, new EvidenceRef("Patient", "p1", null));

        Assert.Equal(ResearchSubject.ResearchSubjectStatus.Eligible, ResearchSubjectBuilder.StatusOf(assessment, death));
    }

    [Fact]
    public void Build_StartedCourse_IdentifiesTheSubjectLikeTheOutcomes()
    {
        var subject = new ResearchSubjectBuilder("blinfant").Build(Assessment(EligibilityVerdict.Eligible, CourseState.InProgress, OsStatus.Alive), death: null);

        Assert.Equal(Canonical.OutcomeIdentifierSystem, subject.Identifier[0].System);
        Assert.Equal("blinfant/research-subject/p1", subject.Identifier[0].Value);
        Assert.Equal(OutcomeIdentity.ResourceId("blinfant/research-subject/p1"), subject.Id);
        Assert.Equal("ResearchStudy/blinfant", subject.Study.Reference);
        Assert.Equal("Patient/p1", subject.Individual.Reference);
        Assert.Equal("2026-03-02T09:00:00+01:00", subject.Period?.Start);
        Assert.Null(subject.Meta);
        Assert.True(fixture.Validator.Validate(subject).IsValid);
    }

    [Fact]
    public void Build_NotStarted_HasNoPeriod()
    {
        var subject = new ResearchSubjectBuilder("blinfant").Build(Assessment(EligibilityVerdict.Undetermined, CourseState.NotStarted, os: null), death: null);

        Assert.Null(subject.Period);
        Assert.Equal(ResearchSubject.ResearchSubjectStatus.Screening, subject.Status);
        Assert.True(fixture.Validator.Validate(subject).IsValid);
    }

    [Fact]
    public void Build_SampleCohort_GivesEveryScreenedPatientOneSubject()
    {
        var subjects = fixture.SampleOutcomes.Select(o => o.ResearchSubject!).ToList();

        Assert.Equal(fixture.SampleOutcomes.Count, subjects.Select(s => s.Id).Distinct().Count());
        Assert.All(fixture.SampleOutcomes, o => Assert.Equal("Patient/" + o.PatientId, o.ResearchSubject!.Individual.Reference));
    }

    private static TrialAssessment Assessment(EligibilityVerdict verdict, CourseState state, OsStatus? os)
    {
        var started = state != CourseState.NotStarted;
        var course = new CourseResult(state, started ? 10 : 0, null, 0, started ? Start : null, null, []);
        return new TrialAssessment(
            "p1",
            AsOf,
            new DateOnly(2025, 12, 1),
            new EligibilityResult(verdict, [], "rules-1"),
            new RiskGroupResult(null, null, "unknown", []),
            course,
            MrdAfterBlinatumomab: null,
            PrimaryEndpoint: null,
            Dfs: null,
            Os: os is { } status ? new OsResult(status, new DateOnly(2026, 3, 2), null, []) : null);
    }
}
