using System.Globalization;
using Interop.Domain.Cohort;
using Interop.Domain.Results;
using Interop.Fhir.Outcomes;

namespace Interop.Worker.Report;

/// <summary>The cohort report as a readable table: the blinatumomab cohort beside the Interfant-06 historical figures.</summary>
internal static class CohortReportTextWriter
{
    private const int TopReasons = 5;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task WriteAsync(CohortReportResult result, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var line in Lines(result))
        {
            await output.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
    }

    public static IEnumerable<string> Lines(CohortReportResult result)
    {
        var r = result.Report;
        yield return string.Create(Invariant, $"BlinFant cohort report, target {result.Target}, data cut-off {result.AsOf:yyyy-MM-dd}");
        yield return string.Empty;
        yield return Row("Patients screened", r.Patients);
        yield return Row("  eligible", r.Eligible);
        yield return Row("  ineligible", r.Ineligible) + Reasons("not met", r.IneligibleReasons);
        yield return Row("  undetermined", r.Undetermined) + Reasons("missing", r.UndeterminedReasons);
        yield return string.Create(Invariant, 
            $"{"MRD after blinatumomab",-26}negative {r.Mrd.Negative}, low positive {r.Mrd.LowPositive}, high positive {r.Mrd.HighPositive}");
        var sites = string.Join(", ", Enum.GetValues<RelapseSite>().Select(s => string.Create(Invariant, $"{OutcomeValueCodes.Of(s)} {r.RelapsesBySite.GetValueOrDefault(s)}")));
        var notRecorded = string.Create(Invariant, $", site not recorded {r.RelapsesSiteNotRecorded}");
        yield return Row("Relapses", r.Relapses) + string.Create(Invariant, $"  ({sites}{notRecorded}; with CNS involvement {r.RelapsesWithCns})");
        yield return Row("Deaths", r.Deaths);
        yield return Row("Primary-endpoint events", r.PrimaryEndpointEvents);
        yield return string.Empty;
        yield return string.Create(Invariant, $"{"Kaplan-Meier, 95% CI (log-log)",-32}{"Blinatumomab cohort",-28}Interfant-06 historical");
        yield return Survival("2-year DFS", r.Dfs.TwoYear, r.Historical.HistoricalDfsTwoYear);
        yield return Survival("2-year OS", r.Os.TwoYear, r.Historical.HistoricalOsTwoYear);
        yield return Survival("4-year DFS", r.Dfs.FourYear, r.Historical.HistoricalDfsFourYear);
        yield return Survival("4-year OS", r.Os.FourYear, r.Historical.HistoricalOsFourYear);
        yield return string.Empty;
        var p = r.Population;
        yield return string.Create(
            Invariant,
            $"Survival population: {p.InAnalysis} eligible patients from the start of blinatumomab; of {p.Screened} screened, left out: {p.NotEligible} not eligible, {p.NotStarted} eligible but not started by the cut-off.");
        yield return Basis("DFS", r.Dfs, "relapses or deaths");
        yield return Basis("OS", r.Os, "deaths");
        yield return "Survival from the start of blinatumomab; 2 years = day 730.5, 4 years = day 1461; n/e = not estimable (nobody at risk).";
    }

    private static string Row(string label, int count) => string.Create(Invariant, $"{label,-26}{count,5}");

    private static string Reasons(string what, IReadOnlyList<CriterionCount> reasons) =>
        reasons.Count == 0 ? string.Empty
        : $"  ({what}: {string.Join(", ", reasons.Take(TopReasons).Select(c => string.Create(Invariant, $"{c.CriterionId} {c.Count}")))})";

    private static string Survival(string label, KaplanMeierEstimate? estimate, double historical)
    {
        var cohort = estimate is null
            ? "n/e"
            : string.Create(Invariant, $"{Percent(estimate.Survival)} ({Number(estimate.Lower)}-{Number(estimate.Upper)})");
        return string.Create(Invariant, $"  {label,-30}{cohort,-28}{Percent(historical)}");
    }

    private static string Basis(string endpoint, SurvivalSummary summary, string events)
    {
        var unknown = summary.EventDayUnknown == 0
            ? string.Empty
            : string.Create(Invariant, $"; {summary.EventDayUnknown} with an event on an unknown day counted but not estimable (left out)");
        return string.Create(Invariant, $"{endpoint}: {summary.Curve.Subjects} patients in the estimate, events ({events}): {summary.Curve.Events}{unknown}.");
    }

    private static string Percent(double fraction) => Number(fraction) + "%";

    private static string Number(double fraction) => (fraction * 100).ToString("0.0", Invariant);
}
