using Interop.Domain.Facts;
using Interop.Domain.Results;
using static Interop.Domain.Tests.Evaluation;
using static Interop.Domain.Tests.PatientRecordBuilder;

namespace Interop.Domain.Tests.Rules;

public class CourseTests
{
    private static readonly DateTimeOffset Start = At(BlinaStart);

    [Fact]
    public void Course_NoAdministration_NotStarted()
    {
        var course = Run(Empty()).Course;

        Assert.Equal(CourseState.NotStarted, course.State);
        Assert.False(course.Started);
        Assert.Null(course.FirstStart);
        Assert.Null(course.CumulativeDosePerSquareMetre);
    }

    [Fact]
    public void Course_OnlyNotDone_NotStarted() =>
        Assert.Equal(CourseState.NotStarted, Run(Empty().Blinatumomab(Start, null, AdministrationStatus.NotDone)).Course.State);

    [Fact]
    public void Course_Day1To29At0800_TwentyEightDaysCompleted()
    {
        var course = Run(Empty().BlinatumomabDays(BlinaStart, 28)).Course;

        Assert.Equal(28, course.InfusionDays);
        Assert.Equal(CourseState.Completed, course.State);
        Assert.Equal(Start, course.FirstStart);
        Assert.Equal(Start.AddDays(28), course.LastEnd);
        Assert.Equal(420m, course.CumulativeDosePerSquareMetre);
        Assert.Equal(0, course.Interruptions);
    }

    [Fact]
    public void Course_OneMinuteShortOf28Days_27DaysNotCompleted()
    {
        var builder = Empty().Blinatumomab(Start, Start.AddDays(28).AddMinutes(-1));

        var course = Run(builder, AsOfInstant(Start.AddDays(28))).Course;

        Assert.Equal(27, course.InfusionDays);
        Assert.Equal(CourseState.InProgress, course.State);
    }

    [Fact]
    public void Course_BagChangesWithOverlap_Merged()
    {
        var builder = Empty()
            .Blinatumomab(Start, Start.AddDays(4).AddHours(1))
            .Blinatumomab(Start.AddDays(4), Start.AddDays(8))
            .Blinatumomab(Start.AddDays(1), Start.AddDays(2))
            .Blinatumomab(Start.AddDays(8), Start.AddDays(28));

        var course = Run(builder).Course;

        Assert.Equal(28, course.InfusionDays);
        Assert.Equal(0, course.Interruptions);
        Assert.Equal(CourseState.Completed, course.State);
        Assert.Equal(4, course.Evidence.Count);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    public void Course_GapOf24HoursPlusMinutes_InterruptionOnlyAbove24Hours(int extraMinutes, int expected)
    {
        var builder = Empty()
            .Blinatumomab(Start, Start.AddDays(10))
            .Blinatumomab(Start.AddDays(11).AddMinutes(extraMinutes), Start.AddDays(30));

        var course = Run(builder).Course;

        Assert.Equal(expected, course.Interruptions);
    }

    [Fact]
    public void Course_InProgressWithoutEnd_RunsToAsOf()
    {
        var builder = Empty().Blinatumomab(Start, null, AdministrationStatus.InProgress);
        var asOf = AsOfInstant(Start.AddDays(5).AddHours(3));

        var course = Run(builder, asOf).Course;

        Assert.Equal(CourseState.InProgress, course.State);
        Assert.Equal(5, course.InfusionDays);
        Assert.Equal(asOf.Instant, course.LastEnd);
    }

    [Theory]
    [InlineData(13, CourseState.InProgress)]
    [InlineData(14, CourseState.DiscontinuedToxicity)]
    [InlineData(15, CourseState.DiscontinuedToxicity)]
    public void Course_StoppedForToxicity_DiscontinuedOnceResumeWindowPassed(int daysAfterStop, CourseState expected)
    {
        var stop = Start.AddDays(10);
        var builder = Empty().Blinatumomab(Start, stop, AdministrationStatus.Stopped, adverseReaction: true);

        var course = Run(builder, AsOfInstant(stop.AddDays(daysAfterStop))).Course;

        Assert.Equal(expected, course.State);
        Assert.Equal(10, course.InfusionDays);
    }

    [Fact]
    public void Course_NotDoneForToxicityAfterRunning_DiscontinuedToxicity()
    {
        var builder = Empty().Blinatumomab(Start, Start.AddDays(10))
            .Blinatumomab(Start.AddDays(10), null, AdministrationStatus.NotDone, adverseReaction: true);

        Assert.Equal(CourseState.DiscontinuedToxicity, Run(builder).Course.State);
    }

    [Fact]
    public void Course_StoppedForToxicityResumedWithin14Days_ContinuesNormally()
    {
        var stop = Start.AddDays(10);
        var builder = Empty()
            .Blinatumomab(Start, stop, AdministrationStatus.Stopped, adverseReaction: true)
            .Blinatumomab(stop.AddDays(13), stop.AddDays(31));

        var atResume = Run(builder, AsOfInstant(stop.AddDays(20))).Course;
        var afterCourse = Run(builder).Course;

        Assert.Equal(CourseState.InProgress, atResume.State);
        Assert.Equal(CourseState.Completed, afterCourse.State);
        Assert.Equal(28, afterCourse.InfusionDays);
        Assert.Equal(1, afterCourse.Interruptions);
    }

    [Theory]
    [InlineData(13, CourseState.InProgress)]
    [InlineData(14, CourseState.DiscontinuedOther)]
    public void Course_ShortCourseIdle_DiscontinuedOtherAfterIdleDays(int idleDays, CourseState expected)
    {
        var end = Start.AddDays(10);
        var builder = Empty().Blinatumomab(Start, end, AdministrationStatus.Stopped);

        Assert.Equal(expected, Run(builder, AsOfInstant(end.AddDays(idleDays))).Course.State);
    }

    [Fact]
    public void Course_CourseLengthFromOptions_Used() =>
        Assert.Equal(
            CourseState.Completed,
            Run(Empty().BlinatumomabDays(BlinaStart, 21), configure: o => o.CourseInfusionDays = 21).Course.State);

    [Fact]
    public void Course_StoppedForToxicityResumedAfter15Days_DiscontinuedUntilResumedThenFollowsLastAdministration()
    {
        var stop = Start.AddDays(10);
        var builder = Empty()
            .Blinatumomab(Start, stop, AdministrationStatus.Stopped, adverseReaction: true)
            .Blinatumomab(stop.AddDays(15), stop.AddDays(20));

        Assert.Equal(CourseState.DiscontinuedToxicity, Run(builder, AsOfInstant(stop.AddDays(14.5))).Course.State);
        Assert.Equal(CourseState.InProgress, Run(builder, AsOfInstant(stop.AddDays(21))).Course.State);
    }
}
