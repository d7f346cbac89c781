using Interop.Domain.Results;

namespace Interop.Domain.Cohort;

/// <summary>The cohort report: counts, Kaplan-Meier DFS and OS, and the historical figures to compare with.</summary>
/// <param name="Patients">Patients screened.</param>
/// <param name="Eligible">Eligible patients.</param>
/// <param name="Ineligible">Ineligible patients.</param>
/// <param name="Undetermined">Undetermined patients.</param>
/// <param name="IneligibleReasons">Criteria not met, most frequent first (then protocol order).</param>
/// <param name="UndeterminedReasons">Criteria unknown among undetermined patients, most frequent first.</param>
/// <param name="Mrd">MRD classes after blinatumomab.</param>
/// <param name="Relapses">Patients whose first DFS event is a relapse.</param>
/// <param name="RelapsesBySite">Relapses by site (a relapse without a known site is in none).</param>
/// <param name="Deaths">Deaths from any cause.</param>
/// <param name="PrimaryEndpointEvents">Primary (safety) endpoint events.</param>
/// <param name="Dfs">Disease-free survival.</param>
/// <param name="Os">Overall survival.</param>
/// <param name="Historical">The Interfant-06 historical figures.</param>
public sealed record CohortReport(
    int Patients,
    int Eligible,
    int Ineligible,
    int Undetermined,
    IReadOnlyList<CriterionCount> IneligibleReasons,
    IReadOnlyList<CriterionCount> UndeterminedReasons,
    MrdClassCounts Mrd,
    int Relapses,
    IReadOnlyDictionary<RelapseSite, int> RelapsesBySite,
    int Deaths,
    int PrimaryEndpointEvents,
    SurvivalSummary Dfs,
    SurvivalSummary Os,
    CohortReportOptions Historical)
{
    /// <summary>Relapses involving the central nervous system: CNS alone or combined.</summary>
    public int RelapsesWithCns =>
        RelapsesBySite.GetValueOrDefault(RelapseSite.Cns) + RelapsesBySite.GetValueOrDefault(RelapseSite.Combined);
}

/// <summary>A criterion id and the number of patients it applies to.</summary>
public sealed record CriterionCount(string CriterionId, int Count);

/// <summary>MRD classes after blinatumomab.</summary>
public sealed record MrdClassCounts(int Negative, int LowPositive, int HighPositive);

/// <summary>One survival endpoint: the fitted curve, the 2- and 4-year estimates, and what could not be estimated.</summary>
/// <param name="Curve">The Kaplan-Meier curve over the subjects with a known time.</param>
/// <param name="TwoYear">S at two years (day 730.5), or null when nobody is at risk then.</param>
/// <param name="FourYear">S at four years (day 1461), or null when nobody is at risk then.</param>
/// <param name="EventDayUnknown">Subjects with an event on an unknown day: counted in the counts, left out of the curve.</param>
public sealed record SurvivalSummary(KaplanMeierCurve Curve, KaplanMeierEstimate? TwoYear, KaplanMeierEstimate? FourYear, int EventDayUnknown);
