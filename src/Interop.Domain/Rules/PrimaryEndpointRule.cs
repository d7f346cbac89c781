using Interop.Domain.Results;
using Interop.Domain.Rules.Course;
using static System.FormattableString;

namespace Interop.Domain.Rules;

/// <summary>
/// The safety endpoint: discontinuation for toxicity, or a death during the course or within the
/// window after its last administration that is not recorded as unrelated.
/// </summary>
internal static class PrimaryEndpointRule
{
    public static PrimaryEndpointResult? Evaluate(EvaluationContext context, CourseOutcome course)
    {
        if (course.FirstStartDate is not { } from || course.LastEndDate is not { } lastEnd)
        {
            return null;
        }

        var courseEvidence = course.Result.Evidence;
        if (course.Result.State == CourseState.DiscontinuedToxicity)
        {
            return new(true, "blinatumomab discontinued for toxicity", courseEvidence);
        }

        if (context.Facts.Death is not { } death)
        {
            return new(false, "no event", courseEvidence);
        }

        var evidence = Evidence.Of(courseEvidence, [death.Evidence]);
        var window = context.Options.PrimaryEndpointDeathWindowDays;
        if (death.RecordedUnrelatedToBlinatumomab)
        {
            return new(false, "death recorded unrelated to blinatumomab", evidence);
        }

        if (death.Date is not { } died)
        {
            // Cannot tell whether it fell in the window; reported so a reviewer can decide.
            return new(false, "death date unknown", evidence);
        }

        return died >= from && died <= lastEnd.AddDays(window)
            ? new(true, Invariant($"death during blinatumomab or within {window} days after"), evidence)
            : new(false, Invariant($"death outside blinatumomab and the {window} days after"), evidence);
    }
}
