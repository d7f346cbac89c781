using Interop.Domain.Facts;
using Interop.Domain.Results;
using Interop.Domain.Rules.Eligibility;
using static System.FormattableString;

namespace Interop.Domain.Rules;

/// <summary>
/// Interfant-06 risk group: LR germline; HR rearranged, young, and a high white-cell count or a
/// poor prednisone response; MR the other rearranged and the not-evaluable; unknown otherwise.
/// </summary>
internal static class RiskGroupRule
{
    public static RiskGroupResult Evaluate(EvaluationContext context)
    {
        var options = context.Options;
        var diagnosis = context.Diagnosis.Date;
        var findings = Kmt2aDetermination.Determine(context.Facts);
        var kmt2aEvidence = findings.Evidence;
        RiskGroupResult Result(RiskGroup? group, string reason, params IEnumerable<EvidenceRef>[] more) =>
            new(group, diagnosis, reason, Evidence.Of([kmt2aEvidence, .. more]));

        switch (findings.Status)
        {
            case Kmt2aStatus.Missing or Kmt2aStatus.NotInformative: return Result(null, "KMT2A status unknown");
            case Kmt2aStatus.Contradictory: return Result(null, "contradictory KMT2A results");
            case Kmt2aStatus.Germline: return Result(RiskGroup.LR, "KMT2A germline");
            case Kmt2aStatus.NotEvaluable: return Result(RiskGroup.MR, "KMT2A not evaluable");
        }

        // HR needs all of: young, and a high count or a poor prednisone response. Decided by
        // three-valued logic: any one input known to be "no" makes the patient MR even when another
        // is missing (a partial birth date with low counts is MR, not unknown).
        var ageEvidence = Evidence.Of(context.Record.PatientEvidence, context.Diagnosis.Evidence);
        var months = options.HighRiskMaxAgeMonthsExclusive;
        bool? young = context.BirthDate is { } birth && diagnosis is { } diagnosed ? birth.AddMonths(months) > diagnosed : null;
        if (young == false)
        {
            return Result(RiskGroup.MR, Invariant($"{findings.RearrangedText}, age at diagnosis {months} months or more"), ageEvidence);
        }

        var wbc = diagnosis is { } d1 ? WhiteCellCountAtDiagnosis(context, d1) : null;
        var blasts = diagnosis is { } d2 ? DayEightBlasts(context, d2) : null;
        var wbcBelow = wbc is null ? null : Threshold.IsBelow(wbc, options.HighRiskMinWhiteCellCount);
        var blastsBelow = blasts is null ? null : Threshold.IsBelow(blasts, options.PoorPrednisoneResponseMinBlastsPerMicrolitre);
        var inputs = Evidence.Of(ageEvidence, Evidence.One(wbc?.Evidence), Evidence.One(blasts?.Evidence));
        var age = young == true ? Invariant($"age under {months} months") : "age at diagnosis unknown";
        if (wbcBelow == true && blastsBelow == true)
        {
            return Result(RiskGroup.MR, $"{findings.RearrangedText}, {age}, white-cell count and day-8 blasts below limits", inputs);
        }

        if (wbcBelow == false || blastsBelow == false)
        {
            var why = wbcBelow == false
                ? Invariant($"white-cell count {Threshold.Describe(wbc!)} (limit >= {options.HighRiskMinWhiteCellCount})")
                : Invariant($"day-8 blood blasts {Threshold.Describe(blasts!)}/uL (limit >= {options.PoorPrednisoneResponseMinBlastsPerMicrolitre})");
            return young == true
                ? Result(RiskGroup.HR, $"{findings.RearrangedText}, {age}, {why}", inputs)
                : Result(null, $"{findings.RearrangedText}, {why}, age at diagnosis unknown", inputs);
        }

        var missing = wbcBelow is null ? "white-cell count at diagnosis" : "day-8 blood blasts";
        return Result(null, $"{findings.RearrangedText}, {age}, {missing} unknown", inputs);
    }

    private static LabResult? WhiteCellCountAtDiagnosis(EvaluationContext context, DateOnly diagnosis) =>
        Closest(
            context.Facts.Counted(LabKind.WhiteCellCount),
            diagnosis,
            diagnosis.AddDays(-context.Options.WhiteCellCountDaysBeforeDiagnosis),
            diagnosis.AddDays(context.Options.WhiteCellCountDaysAfterDiagnosis));

    private static LabResult? DayEightBlasts(EvaluationContext context, DateOnly diagnosis)
    {
        var options = context.Options;
        var dayOne = InductionStart.InWindow(context).Select(a => (DateOnly?)a.StartDate).Min() ?? diagnosis;
        var target = dayOne.AddDays(options.PrednisoneResponseDay - 1);
        var tolerance = options.PrednisoneResponseToleranceDays;
        return Closest(context.Facts.Counted(LabKind.PeripheralBloodBlasts), target, target.AddDays(-tolerance), target.AddDays(tolerance));
    }

    /// <summary>The result with an amount in [from, to] closest to <paramref name="target"/>; ties go to the earlier.</summary>
    private static LabResult? Closest(IEnumerable<LabResult> results, DateOnly target, DateOnly from, DateOnly to) =>
        results
            .Where(r => r.Amount is not null && r.Date >= from && r.Date <= to)
            .OrderBy(r => Math.Abs(r.Date.DayNumber - target.DayNumber))
            .ThenBy(r => r, FactSelection.ResultOrder.Instance)
            .FirstOrDefault();
}
