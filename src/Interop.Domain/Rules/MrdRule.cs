using Interop.Domain.Facts;
using Interop.Domain.Results;
using Interop.Domain.Rules.Course;

namespace Interop.Domain.Rules;

/// <summary>
/// MRD after blinatumomab: the last classifiable MRD result from the course start to the window
/// after its last administration; on that date PCR wins, since flow can miss CD19-negative clones.
/// </summary>
internal static class MrdRule
{
    public static MrdResult? Evaluate(EvaluationContext context, CourseOutcome course)
    {
        if (course.FirstStartDate is not { } from || course.LastEndDate is not { } lastEnd)
        {
            return null;
        }

        var to = lastEnd.AddDays(context.Options.MrdAfterCourseWindowDays);
        var threshold = context.Options.MrdHighPositiveMinFraction;
        var inWindow = context.Facts.Counted(LabKind.Mrd)
            .Where(r => r.Date >= from && r.Date <= to)
            .Select(r => (Result: r, Class: Classify(r, threshold)))
            .ToList();
        var candidates = inWindow.Where(c => c.Class is not null).ToList();
        var lastDate = candidates.Count == 0 ? (DateOnly?)null : candidates.Max(c => c.Result.Date);
        FlagSkipped(context, inWindow.Where(c => c.Class is null && IsAfterOrPreferred(c.Result, lastDate)).Select(c => c.Result));
        if (candidates.Count == 0)
        {
            return null;
        }

        var chosen = candidates
            .Where(c => c.Result.Date == lastDate)
            .OrderBy(c => c.Result.Method == AssayMethod.Pcr)
            .ThenBy(c => c.Result, FactSelection.ResultOrder.Instance)
            .Last();
        var result = chosen.Result;
        var level = result is { Amount: { } amount, Comparator: Comparator.None } ? amount : (decimal?)null;
        return new MrdResult(chosen.Class!.Value, level, result.Date, result.Method, [result.Evidence]);
    }

    // Later than the latest classable date, or a PCR result on that date (PCR would have been preferred there).
    private static bool IsAfterOrPreferred(LabResult result, DateOnly? lastDate) =>
        lastDate is not { } last || result.Date > last || (result.Date == last && result.Method == AssayMethod.Pcr);

    // The rule skips a result it cannot class for an earlier one it can; a later result skipped is said, never silent.
    private static void FlagSkipped(EvaluationContext context, IEnumerable<LabResult> skipped)
    {
        foreach (var result in skipped)
        {
            context.Flag(
                "mrd-unclassifiable",
                result.Evidence,
                "MRD result in the window after blinatumomab that cannot be classed (detected without a level, or a comparator that leaves the class open): "
                + "not used; MRD after blinatumomab rests on an earlier result, if any. Record a level or positive-not-quantifiable.");
        }
    }

    /// <summary>The class, or null when the result cannot be classified (e.g. "&lt; 0.01", or positive without a level).</summary>
    internal static MrdClass? Classify(LabResult result, decimal highPositiveMin) => result switch
    {
        { Finding: Finding.Negative } => MrdClass.Negative,
        { Finding: Finding.PositiveNotQuantifiable } => MrdClass.LowPositive,
        { Amount: 0m, Comparator: Comparator.None } => MrdClass.Negative,
        { Amount: not null } => Threshold.IsBelow(result, highPositiveMin) switch
        {
            true => MrdClass.LowPositive,
            false => MrdClass.HighPositive,
            null => null,
        },
        _ => null,
    };
}
