using Interop.Domain.Results;

namespace Interop.Fhir.Outcomes;

/// <summary>Domain results to the value codes (also the codes of the state store and the status API) of <c>{base}/CodeSystem/blinfant</c> and the risk-group code system.</summary>
public static class OutcomeValueCodes
{
    public static string Of(EligibilityVerdict verdict) => verdict switch
    {
        EligibilityVerdict.Eligible => "eligible",
        EligibilityVerdict.Ineligible => "ineligible",
        EligibilityVerdict.Undetermined => "undetermined",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    public static string Of(CriterionStatus status) => status switch
    {
        CriterionStatus.Met => "met",
        CriterionStatus.NotMet => "not-met",
        CriterionStatus.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(RiskGroup group) => group switch
    {
        RiskGroup.LR => "LR",
        RiskGroup.MR => "MR",
        RiskGroup.HR => "HR",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    public static string Of(CourseState state) => state switch
    {
        CourseState.NotStarted => "not-started",
        CourseState.InProgress => "in-progress",
        CourseState.Completed => "completed",
        CourseState.DiscontinuedToxicity => "discontinued-toxicity",
        CourseState.DiscontinuedOther => "discontinued-other",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string Of(MrdClass mrdClass) => mrdClass switch
    {
        MrdClass.Negative => "negative",
        MrdClass.LowPositive => "low-positive",
        MrdClass.HighPositive => "high-positive",
        _ => throw new ArgumentOutOfRangeException(nameof(mrdClass), mrdClass, null),
    };

    public static string Of(DfsStatus status) => status switch
    {
        DfsStatus.EventFree => "event-free",
        DfsStatus.Relapse => "relapse",
        DfsStatus.Death => "death",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(RelapseSite site) => site switch
    {
        RelapseSite.BoneMarrow => "bone-marrow",
        RelapseSite.Cns => "cns",
        RelapseSite.Combined => "combined",
        _ => throw new ArgumentOutOfRangeException(nameof(site), site, null),
    };

    public static string Of(OsStatus status) => status switch
    {
        OsStatus.Alive => "alive",
        OsStatus.Deceased => "deceased",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
