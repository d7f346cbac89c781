using Interop.Domain.Facts;
using Interop.Domain.Results;

namespace Interop.Domain.Rules.Course;

/// <summary>The blinatumomab course with the calendar dates later rules window on.</summary>
internal sealed record CourseOutcome(CourseResult Result, DateOnly? FirstStartDate, DateOnly? LastEndDate);

/// <summary>
/// The blinatumomab course: infusion days, interruptions, cumulative dose and state. A course
/// stopped for an adverse reaction may resume within the resume window; only once that window
/// has passed without a new administration is it discontinued for toxicity.
/// </summary>
internal static class CourseRule
{
    public static CourseOutcome Evaluate(EvaluationContext context)
    {
        var options = context.Options;
        var asOf = context.AsOf;
        var all = context.Facts.Administrations
            .Where(a => a.Drug == DrugClass.Blinatumomab)
            .OrderBy(a => a.Start).ThenBy(a => a.Evidence)
            .ToList();
        var ran = all.Where(a => a.Ran).ToList();
        if (ran.Count == 0)
        {
            return new(new CourseResult(CourseState.NotStarted, 0, null, 0, null, null, Evidence.Of(all.Refs())), null, null);
        }

        var bags = InfusionBags.Read(ran, context);
        var timeline = CourseTimeline.Build(bags, asOf);
        var dose = CourseDose.Cumulative(bags, context.Facts);
        if (dose is { Unknown: { } reason, UnknownAt: { } at })
        {
            context.Flag(CourseDose.UnknownFlag, at, CourseDose.Describe(reason));
        }

        var days = timeline.WholeDays;
        var first = timeline.First!;
        var last = timeline.Last!;
        var state = days >= options.CourseInfusionDays ? CourseState.Completed : StateOfShortCourse(all, bags, last, options, asOf);
        var result = new CourseResult(
            state,
            days,
            dose.PerSquareMetre,
            timeline.Gaps(TimeSpan.FromHours(options.InterruptionMinGapHours)),
            first.Start,
            last.End,
            Evidence.Of(all.Refs(), dose.BsaEvidence))
        {
            CumulativeDoseUnknown = dose.Unknown,
        };
        return new(result, first.StartDate, last.EndDate);
    }

    private static CourseState StateOfShortCourse(
        List<DrugAdministration> all, IReadOnlyList<InfusionBag> bags, InfusionInterval lastInterval, TrialRuleOptions options, AsOf asOf)
    {
        var lastAdministration = all[^1];
        if (lastAdministration is { Status: AdministrationStatus.Stopped or AdministrationStatus.NotDone, StoppedForAdverseReaction: true })
        {
            // It is the last by start, so nothing resumed after it (a resumption would be last itself):
            // it is discontinued once the resume window has passed, and may still resume until then.
            // A stopped bag without a recorded end stops where InfusionBags read its end.
            var stoppedAt = lastAdministration.End
                ?? bags.FirstOrDefault(b => ReferenceEquals(b.Administration, lastAdministration))?.End
                ?? lastAdministration.Start;
            return asOf.Instant >= stoppedAt.AddDays(options.ToxicityResumeWindowDays)
                ? CourseState.DiscontinuedToxicity
                : CourseState.InProgress;
        }

        return asOf.Instant - lastInterval.End >= TimeSpan.FromDays(options.CourseEndedAfterIdleDays)
            ? CourseState.DiscontinuedOther
            : CourseState.InProgress;
    }
}
