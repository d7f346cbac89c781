using Interop.Domain.Facts;
using Interop.Domain.Results;
using static Interop.Domain.Tests.Evaluation;
using static Interop.Domain.Tests.PatientRecordBuilder;

namespace Interop.Domain.Tests.Rules;

/// <summary>
/// Administration timing (issue 9, item 4): open-ended and point-in-time blinatumomab administrations are read by the
/// documented rule (next bag's start, bounded by Rules:PlausibleBagLengthHours, default 168 h) and flagged, never counted
/// as months of infusion and never dropped in silence.
/// </summary>
public class CourseTimingTests
{
    private const string Beyond = "open-ended-infusion-beyond-plausible-length";
    private const string EndNotRecorded = "infusion-end-not-recorded";
    private static readonly DateTimeOffset Start = At(BlinaStart);
    private static readonly TimeSpan Bag = TimeSpan.FromHours(168);

    [Fact]
    public void InProgressOpenEnded_AsOfExactlyAtPlausibleLength_CountsToAsOfWithoutFlag()
    {
        var assessment = Run(Empty().Blinatumomab(Start, null, AdministrationStatus.InProgress, perSquareMetre: 105m), AsOfInstant(Start + Bag));

        Assert.Equal(7, assessment.Course.InfusionDays);
        Assert.Equal(Start + Bag, assessment.Course.LastEnd);
        Assert.Empty(assessment.DataQuality);
    }

    [Fact]
    public void InProgressOpenEnded_OneMinuteBeyondPlausibleLength_CountedToBoundAndFlagged()
    {
        var builder = Empty().Blinatumomab(Start, null, AdministrationStatus.InProgress, perSquareMetre: 105m);
        var bag = builder.LastRef;

        var assessment = Run(builder, AsOfInstant(Start + Bag + TimeSpan.FromMinutes(1)));

        Assert.Equal(7, assessment.Course.InfusionDays);
        Assert.Equal(Start + Bag, assessment.Course.LastEnd);
        var flag = Assert.Single(assessment.DataQuality);
        Assert.Equal((Beyond, bag), (flag.Rule, flag.Evidence));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    public void InProgressOpenEnded_ConfiguredLength_BoundaryAtThatLength(int extraMinutes, int flags)
    {
        var asOf = AsOfInstant(Start.AddHours(96).AddMinutes(extraMinutes));

        var assessment = Run(Empty().Blinatumomab(Start, null, AdministrationStatus.InProgress), asOf, o => o.PlausibleBagLengthHours = 96);

        Assert.Equal(4, assessment.Course.InfusionDays);
        Assert.Equal(flags, assessment.DataQuality.Count(f => f.Rule == Beyond));
    }

    [Fact]
    public void InProgressLeftOpenForTwoYears_OneBagNotSevenHundredDays()
    {
        var assessment = Run(Empty().Blinatumomab(Start, null, AdministrationStatus.InProgress), AsOfInstant(Start.AddYears(2)));

        Assert.Equal(7, assessment.Course.InfusionDays);
        Assert.Equal(CourseState.DiscontinuedOther, assessment.Course.State);
        Assert.Contains(assessment.DataQuality, f => f.Rule == Beyond);
    }

    [Fact]
    public void BagsAsEffectiveDateTime_EachEndsAtNextStartLastBoundedAndAllFlagged()
    {
        var builder = Empty();
        var bags = new List<EvidenceRef>();
        for (var week = 0; week < 4; week++)
        {
            builder.Blinatumomab(Start.AddDays(7 * week), null, perSquareMetre: 105m);
            bags.Add(builder.LastRef);
        }

        var assessment = Run(builder);

        Assert.Equal(28, assessment.Course.InfusionDays);
        Assert.Equal(CourseState.Completed, assessment.Course.State);
        Assert.Equal(0, assessment.Course.Interruptions);
        Assert.Equal(Start.AddDays(28), assessment.Course.LastEnd);
        Assert.Equal(420m, assessment.Course.CumulativeDosePerSquareMetre);
        Assert.Equal(bags, assessment.DataQuality.Where(f => f.Rule == EndNotRecorded).Select(f => f.Evidence));
    }

    [Fact]
    public void BagsAsEffectiveDateTimeEvery96Hours_LastBagCountsTheUsual96NotThePlausibleBound()
    {
        // Six 96 h bags hung as points in time: 24 days. The last must not stretch to 168 h (27 days, still "short"
        // but wrong by three days); it runs as long as the course's other bags.
        var builder = Empty();
        for (var bag = 0; bag < 6; bag++)
        {
            builder.Blinatumomab(Start.AddHours(96 * bag), null, perSquareMetre: 60m);
        }

        var course = Run(builder).Course;

        Assert.Equal(24, course.InfusionDays);
        Assert.Equal(Start.AddHours(96 * 6), course.LastEnd);
    }

    [Fact]
    public void OneBagWithoutEndAndNoOtherBag_CountedForThePlausibleBound()
    {
        var course = Run(Empty().Blinatumomab(Start, null)).Course;

        Assert.Equal(7, course.InfusionDays);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(60 * 25, 1)]
    public void CompletedWithoutEnd_NextBagAtOrAfterPlausibleLength_BoundedAndGapCounted(int minutesAfterBound, int interruptions)
    {
        var next = Start + Bag + TimeSpan.FromMinutes(minutesAfterBound);
        var builder = Empty()
            .Blinatumomab(Start, null)
            .Blinatumomab(next, next.AddDays(21));

        var course = Run(builder).Course;

        Assert.Equal(28, course.InfusionDays);
        Assert.Equal(interruptions, course.Interruptions);
    }

    [Fact]
    public void CompletedWithoutEnd_AsOfBeforePlausibleLength_CountedToAsOfAndFlagged()
    {
        var assessment = Run(Empty().Blinatumomab(Start, null), AsOfInstant(Start.AddDays(2)));

        Assert.Equal(2, assessment.Course.InfusionDays);
        Assert.Equal(CourseState.InProgress, assessment.Course.State);
        Assert.Contains(assessment.DataQuality, f => f.Rule == EndNotRecorded);
    }

    [Fact]
    public void InProgressWithoutEnd_LaterBagStarted_EndsAtLaterStartAndFlagged()
    {
        var builder = Empty().Blinatumomab(Start, null, AdministrationStatus.InProgress, perSquareMetre: 30m);
        var open = builder.LastRef;
        builder.Blinatumomab(Start.AddDays(2), Start.AddDays(28), perSquareMetre: 390m);

        var assessment = Run(builder);

        Assert.Equal(28, assessment.Course.InfusionDays);
        var flag = Assert.Single(assessment.DataQuality);
        Assert.Equal((EndNotRecorded, open), (flag.Rule, flag.Evidence));
    }

    [Fact]
    public void StoppedForToxicityWithoutEnd_ResumeWindowFromInferredEnd()
    {
        var builder = Empty().Blinatumomab(Start, null, AdministrationStatus.Stopped, adverseReaction: true);

        Assert.Equal(CourseState.InProgress, Run(builder, AsOfInstant(Start + Bag + TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1))).Course.State);
        Assert.Equal(CourseState.DiscontinuedToxicity, Run(builder, AsOfInstant(Start + Bag + TimeSpan.FromDays(14))).Course.State);
    }

    [Fact]
    public void RecordedEnds_NoTimingFlags() =>
        Assert.Empty(Run(EligibleWithCourse()).DataQuality);
}
