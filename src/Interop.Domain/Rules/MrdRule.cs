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
        var candidates = context.Facts.Counted(LabKind.Mrd)
            .Where(r => r.Date >= from && r.Date <= to)
            .Select(r => (Result: r, Class: Classify(r, threshold)))
            .Where(c => c.Class is not null)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var lastDate = candidates.Max(c => c.Result.Date);
        var chosen = candidates
            .Where(c => c.Result.Date == lastDate)
            .OrderBy(c => c.Result.Method == AssayMethod.Pcr)
            .ThenBy(c => c.Result, FactSelection.ResultOrder.Instance)
            .Last();
        var result = chosen.Result;
        var level = result is { Amount: { } amount, Comparator: Comparator.None } ? amount : (decimal?)null;
        return new MrdResult(chosen.Class!.Value, level, result.Date, result.Method, [result.Evidence]);
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
