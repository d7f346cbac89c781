using Interop.Domain.Facts;
using Interop.Domain.Results;
using static System.FormattableString;

namespace Interop.Domain.Rules.Eligibility;

/// <summary>
/// CD19 status of the blasts from the last result on or before the first blinatumomab start (or
/// the as-of): anti-CD19 therapy can select CD19-negative escape, so later results do not decide.
/// </summary>
internal static class Cd19Determination
{
    public static (CriterionStatus Status, string Reason, IReadOnlyList<EvidenceRef> Evidence) Determine(EvaluationContext context)
    {
        var cutoff = context.BlinatumomabStartOrAsOfDate;
        var minPercent = context.Options.Cd19PositiveMinPercent;
        var results = context.Facts.Counted(LabKind.Cd19).Where(r => r.Date <= cutoff).ToList();
        if (FactSelection.Last(results) is not { } last)
        {
            return (CriterionStatus.Unknown, "no CD19 result before blinatumomab", []);
        }

        var sameDay = results.Where(r => r.Date == last.Date).ToList();
        var evidence = Evidence.Of(sameDay.Refs());
        var calls = sameDay.Select(r => Classify(r, minPercent)).ToList();
        var positive = calls.Contains(true);
        var negative = calls.Contains(false);
        if (positive && negative)
        {
            return (CriterionStatus.Unknown, "contradictory CD19 results", evidence);
        }

        if (!positive && !negative)
        {
            return (CriterionStatus.Unknown, "CD19 not evaluable", evidence);
        }

        var percents = sameDay.Where(r => r.Amount is not null).Select(r => r.Amount!.Value).ToList();
        var detail = percents.Count == 0 ? "coded" : Invariant($"{percents.Max()} % (limit >= {minPercent} %)");
        return positive
            ? (CriterionStatus.Met, $"CD19 positive, {detail}", evidence)
            : (CriterionStatus.NotMet, $"CD19 negative, {detail}", evidence);
    }

    /// <summary>True positive, false negative, null undecided.</summary>
    private static bool? Classify(LabResult result, decimal minPercent) => result switch
    {
        { Amount: not null } => !Threshold.IsBelow(result, minPercent),
        { Finding: Finding.Positive } => true,
        { Finding: Finding.Negative } => false,

        // Not evaluable, and "detected below range", which says nothing about the share of blasts.
        _ => null,
    };
}
