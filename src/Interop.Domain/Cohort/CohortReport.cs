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
/// <param name="Population">Who the survival analysis covers, and who is left out of it and why.</param>
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
    CohortReportOptions Historical,
    SurvivalPopulation Population)
{
    /// <summary>Relapses whose site is not recorded (e.g. a Condition recording relapse without a marrow or CSF result).</summary>
    public int RelapsesSiteNotRecorded => Relapses - RelapsesBySite.Values.Sum();

    /// <summary>Relapses involving the central nervous system: CNS alone or combined.</summary>
    public int RelapsesWithCns =>
        RelapsesBySite.GetValueOrDefault(RelapseSite.Cns) + RelapsesBySite.GetValueOrDefault(RelapseSite.Combined);
}

/// <summary>A criterion id and the number of patients it applies to.</summary>
public sealed record CriterionCount(string CriterionId, int Count);

/// <summary>MRD classes after blinatumomab.</summary>
public sealed record MrdClassCounts(int Negative, int LowPositive, int HighPositive);

/// <summary>One survival endpoint: the fitted curve, the 2- and 4-year estimates, and what could not be estimated.</summary>
/// <param name="Curve">The Kaplan-Meier curve over the eligible subjects with a known time.</param>
/// <param name="TwoYear">S at two years (day 730.5), or null when nobody is at risk then.</param>
/// <param name="FourYear">S at four years (day 1461), or null when nobody is at risk then.</param>
/// <param name="EventDayUnknown">Subjects with an event on an unknown day: counted in the counts, left out of the curve.</param>
public sealed record SurvivalSummary(KaplanMeierCurve Curve, KaplanMeierEstimate? TwoYear, KaplanMeierEstimate? FourYear, int EventDayUnknown);

/// <summary>
/// Who the survival analysis covers: eligible patients whose survival origin (start of blinatumomab) is on or before
/// the data cut-off. Everyone else screened is left out of both curves, for one of the reasons counted here; a patient
/// with an event on an unknown day is in the population but not in that endpoint's curve (see
/// <see cref="SurvivalSummary.EventDayUnknown"/>).
/// </summary>
/// <param name="Screened">Patients screened.</param>
/// <param name="Eligible">Eligible patients.</param>
/// <param name="InAnalysis">Eligible patients with a survival origin on or before the cut-off.</param>
/// <param name="NotEligible">Patients left out because they are ineligible or undetermined (treated or not).</param>
/// <param name="NotStarted">Eligible patients left out because their survival origin is not reached by the cut-off.</param>
public sealed record SurvivalPopulation(int Screened, int Eligible, int InAnalysis, int NotEligible, int NotStarted);
