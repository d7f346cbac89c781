using Interop.Domain.Cohort;
using Interop.Domain.Results;

namespace Interop.Domain.Tests.Cohort;

/// <summary>
/// A 30-patient cohort built to match the published counts of docs/trial-rules.md: all eligible and given the full course;
/// after blinatumomab 16 MRD-negative, 12 low-positive, 2 high-positive; four relapses, all involving the CNS; one
/// death; no primary-endpoint event. Its timeline (found with a small search script) gives the published 2-year
/// figures: DFS 81.6% and OS 93.3%.
/// <para>
/// OS 93.3% with a single death needs 15 subjects at risk at that death (14/15): 15 are censored before day 650,
/// when the patient who relapsed on day 400 dies. DFS: relapses on days 360, 400, 450 and 500 with 22, 21, 20 and
/// 18 at risk give (21/22)(20/21)(19/20)(17/18) = 0.8157.
/// </para>
/// <para>
/// What cannot be reproduced, because the published figures are not mutually consistent: the published intervals
/// are those of crude proportions without censoring (OS 93.3% (75.9-98.3) is 28/30, i.e. two deaths; 4-year DFS
/// 83.3% (64.5-92.7) is 25/30), while a Kaplan-Meier curve never rises, so 4-year DFS 83.3% above 2-year 81.6% is
/// impossible; and 15 at risk at a death before two years puts the median follow-up below two years, not 26.3
/// months. This cohort's 95% intervals are therefore DFS 58.0-92.7% and OS 61.3-99.0%, and its 4-year figures equal
/// its 2-year ones (no event after day 500).
/// </para>
/// </summary>
internal static class SyntheticCohort
{
    public static IReadOnlyList<CohortSubject> Build()
    {
        var subjects = new List<CohortSubject>();
        void Add(int dfsDay, bool relapse, int osDay, bool died = false, RelapseSite? site = null) =>
            subjects.Add(new CohortSubject(
                EligibilityVerdict.Eligible, [], [], MrdFor(subjects.Count), relapse, site, died, PrimaryEndpointEvent: false,
                new SurvivalRecord(dfsDay, relapse || died), new SurvivalRecord(osDay, died)));

        // Eight censored early (the shortest follow-up 3.9 months = day 119).
        foreach (var day in new[] { 119, 150, 180, 210, 240, 270, 300, 330 })
        {
            Add(day, false, day);
        }

        Add(360, true, 1000, site: RelapseSite.Cns);
        Add(400, true, 650, died: true, site: RelapseSite.Cns);
        Add(450, true, 900, site: RelapseSite.Combined);
        Add(480, false, 480);
        Add(500, true, 1200, site: RelapseSite.Cns);

        // Six more censored before the death on day 650, then eleven followed beyond it (the longest 48.2 months = day 1467).
        foreach (var day in new[] { 520, 560, 580, 600, 620, 640, 700, 760, 800, 870, 950, 1100, 1300, 1400, 1461, 1467, 1467 })
        {
            Add(day, false, day);
        }

        return subjects;
    }

    private static MrdClass MrdFor(int index) => index switch
    {
        < 16 => MrdClass.Negative,
        < 28 => MrdClass.LowPositive,
        _ => MrdClass.HighPositive,
    };
}
