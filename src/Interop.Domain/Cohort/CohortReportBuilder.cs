using Interop.Domain.Results;

namespace Interop.Domain.Cohort;

/// <summary>Builds the cohort report from the screened subjects (pure: no I/O, no clock).</summary>
public static class CohortReportBuilder
{
    /// <summary>The 2-year horizon in days.</summary>
    public static readonly double TwoYears = SurvivalTime.Years(2);

    /// <summary>The 4-year horizon in days.</summary>
    public static readonly double FourYears = SurvivalTime.Years(4);

    /// <summary>The report over <paramref name="subjects"/>, beside the historical figures of <paramref name="options"/>.</summary>
    public static CohortReport Build(IReadOnlyCollection<CohortSubject> subjects, CohortReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(options);
        int Count(Func<CohortSubject, bool> predicate) => subjects.Count(predicate);

        var relapsed = subjects.Where(s => s.Relapsed).ToList();
        // The survival analysis covers eligible patients only: a treated patient later judged ineligible is not in it.
        var eligible = subjects.Where(s => s.Verdict == EligibilityVerdict.Eligible).ToList();
        var inAnalysis = eligible.Count(s => s.Dfs is not null || s.Os is not null);
        var bySite = relapsed.Where(s => s.RelapseSite is not null)
            .GroupBy(s => s.RelapseSite!.Value)
            .ToDictionary(g => g.Key, g => g.Count());
        return new CohortReport(
            Patients: subjects.Count,
            Eligible: Count(s => s.Verdict == EligibilityVerdict.Eligible),
            Ineligible: Count(s => s.Verdict == EligibilityVerdict.Ineligible),
            Undetermined: Count(s => s.Verdict == EligibilityVerdict.Undetermined),
            IneligibleReasons: Reasons(subjects.Where(s => s.Verdict == EligibilityVerdict.Ineligible).SelectMany(s => s.NotMetCriteria.Distinct())),
            UndeterminedReasons: Reasons(subjects.Where(s => s.Verdict == EligibilityVerdict.Undetermined).SelectMany(s => s.UnknownCriteria.Distinct())),
            Mrd: new MrdClassCounts(
                Count(s => s.MrdAfterBlinatumomab == MrdClass.Negative),
                Count(s => s.MrdAfterBlinatumomab == MrdClass.LowPositive),
                Count(s => s.MrdAfterBlinatumomab == MrdClass.HighPositive)),
            Relapses: relapsed.Count,
            RelapsesBySite: bySite,
            Deaths: Count(s => s.Died),
            PrimaryEndpointEvents: Count(s => s.PrimaryEndpointEvent),
            Dfs: Summarise(eligible.Select(s => s.Dfs)),
            Os: Summarise(eligible.Select(s => s.Os)),
            Historical: options,
            Population: new SurvivalPopulation(subjects.Count, eligible.Count, inAnalysis, subjects.Count - eligible.Count, eligible.Count - inAnalysis));
    }

    /// <summary>Criteria by how many patients they apply to, most first; ties in protocol order, then by id.</summary>
    private static List<CriterionCount> Reasons(IEnumerable<string> criterionIds) =>
        [.. criterionIds.GroupBy(id => id, StringComparer.Ordinal)
            .Select(g => new CriterionCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => ProtocolOrder(c.CriterionId))
            .ThenBy(c => c.CriterionId, StringComparer.Ordinal)];

    private static int ProtocolOrder(string criterionId)
    {
        for (var i = 0; i < CriterionIds.All.Count; i++)
        {
            if (string.Equals(CriterionIds.All[i], criterionId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static SurvivalSummary Summarise(IEnumerable<SurvivalRecord?> records)
    {
        var present = records.OfType<SurvivalRecord>().ToList();
        var curve = KaplanMeier.Fit(present
            .Where(r => r.TimeDays is not null)
            .Select(r => new SurvivalObservation(r.TimeDays!.Value, r.Event)));
        return new SurvivalSummary(curve, curve.EstimateAt(TwoYears), curve.EstimateAt(FourYears), present.Count(r => r.TimeUnknown));
    }
}
