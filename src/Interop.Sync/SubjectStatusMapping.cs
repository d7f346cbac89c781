using Hl7.Fhir.Utility;
using Interop.Domain.Facts;
using Interop.Domain.Results;
using Interop.Fhir.Outcomes;
using Interop.Store;

namespace Interop.Sync;

/// <summary>
/// A patient's assessment as the state store keeps it (issue 4): the outcome value codes of <c>profiles/</c>,
/// evidence as <c>Type/id</c> references, and survival as day counts from the origin (no calendar dates).
/// </summary>
internal static class SubjectStatusMapping
{
    /// <summary>The primary-endpoint codes of the store and the API.</summary>
    public const string EndpointEvent = "event";

    /// <inheritdoc cref="EndpointEvent"/>
    public const string EndpointNoEvent = "no-event";

    public static SubjectStatus From(string ehrName, TrialAssessment assessment, Death? death, Guid? runId)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var course = assessment.Course;
        return new SubjectStatus(
            EhrName: ehrName,
            PatientId: assessment.PatientId,
            AsOf: assessment.AsOf.Instant,
            Verdict: OutcomeValueCodes.Of(assessment.Eligibility.Verdict),
            ResearchSubjectStatus: ResearchSubjectBuilder.StatusOf(assessment, death).GetLiteral(),
            RiskGroup: assessment.RiskGroup.Group is { } group ? OutcomeValueCodes.Of(group) : null,
            CourseState: OutcomeValueCodes.Of(course.State),
            MrdClass: assessment.MrdAfterBlinatumomab is { } mrd ? OutcomeValueCodes.Of(mrd.Class) : null,
            PrimaryEndpoint: assessment.PrimaryEndpoint is { } endpoint ? (endpoint.Event ? EndpointEvent : EndpointNoEvent) : null,
            DfsStatus: assessment.Dfs is { } dfs ? OutcomeValueCodes.Of(dfs.Status) : null,
            OsStatus: assessment.Os is { } os ? OutcomeValueCodes.Of(os.Status) : null,
            Criteria: [.. assessment.Eligibility.Criteria.Select(c => new Store.CriterionStatus(
                c.CriterionId, OutcomeValueCodes.Of(c.Status), [.. c.Evidence.Select(Reference)], c.Reason))],
            RunId: runId,
            UpdatedAt: default,
            Survival: SurvivalOf(assessment),
            CourseInfusionDays: course.Started ? course.InfusionDays : null,
            RelapseSite: assessment.Dfs is { Status: DfsStatus.Relapse, Site: { } site } ? OutcomeValueCodes.Of(site) : null);
    }

    private static string Reference(EvidenceRef evidence) => evidence.ResourceType + "/" + evidence.Id;

    /// <summary>Days from the survival origin to the as-of date and to each event; null before the course started.</summary>
    private static SurvivalDays? SurvivalOf(TrialAssessment assessment)
    {
        if (assessment.Dfs is not { } dfs || assessment.Os is not { } os)
        {
            return null;
        }

        var origin = dfs.Origin;
        var followUp = Math.Max(0, assessment.AsOf.Date.DayNumber - origin.DayNumber);
        int? dfsEvent = dfs.Status != DfsStatus.EventFree && dfs.EffectiveDate is { } dfsDate ? dfsDate.DayNumber - origin.DayNumber : null;
        int? osEvent = os.Status == OsStatus.Deceased && os.EffectiveDate is { } osDate ? osDate.DayNumber - os.Origin.DayNumber : null;
        return new SurvivalDays(followUp, dfsEvent, osEvent);
    }
}
