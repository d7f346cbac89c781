using Interop.Domain.Facts;
using Interop.Domain.Results;
using static Interop.Domain.Tests.Evaluation;
using static Interop.Domain.Tests.PatientRecordBuilder;

namespace Interop.Domain.Tests.Rules;

public class MrdTests
{
    /// <summary>Day 29 of the course: the day after the last administration ended.</summary>
    private static readonly DateOnly Day29 = BlinaStart.AddDays(28);

    private static PatientRecordBuilder Course() => Empty().BlinatumomabDays(BlinaStart, 28);

    [Fact]
    public void Mrd_CourseNotStarted_Null() => Assert.Null(Run(Empty().Mrd(Day29, 0m)).MrdAfterBlinatumomab);

    [Fact]
    public void Mrd_NoResult_Null() => Assert.Null(Run(Course()).MrdAfterBlinatumomab);

    [Theory]
    [InlineData("0.00049", MrdClass.LowPositive)]
    [InlineData("0.0005", MrdClass.HighPositive)]
    [InlineData("0", MrdClass.Negative)]
    public void Mrd_ExactFraction_ClassedAgainstLimit(string fraction, MrdClass expected)
    {
        var mrd = Run(Course().Mrd(Day29, Dec(fraction))).MrdAfterBlinatumomab;

        Assert.NotNull(mrd);
        Assert.Equal(expected, mrd.Class);
        Assert.Equal(Dec(fraction), mrd.Level);
        Assert.Equal(Day29, mrd.SpecimenDate);
    }

    [Theory]
    [InlineData(Finding.Negative, MrdClass.Negative)]
    [InlineData(Finding.PositiveNotQuantifiable, MrdClass.LowPositive)]
    public void Mrd_Coded_Classed(Finding finding, MrdClass expected)
    {
        var mrd = Run(Course().Mrd(Day29, finding: finding)).MrdAfterBlinatumomab;

        Assert.Equal(expected, mrd!.Class);
        Assert.Null(mrd.Level);
    }

    [Fact]
    public void Mrd_BelowComparatorUnderLimit_LowPositiveWithoutLevel()
    {
        var mrd = Run(Course().Mrd(Day29, 0.0001m, comparator: Comparator.LessThan)).MrdAfterBlinatumomab;

        Assert.Equal(MrdClass.LowPositive, mrd!.Class);
        Assert.Null(mrd.Level);
    }

    [Fact]
    public void Mrd_BelowComparatorAboveLimit_SkippedForEarlierResult()
    {
        var builder = Course().Mrd(BlinaStart.AddDays(14), 0m);
        var earlier = builder.LastRef;
        builder.Mrd(Day29, 0.01m, comparator: Comparator.LessThan);

        var mrd = Run(builder).MrdAfterBlinatumomab;

        Assert.Equal(MrdClass.Negative, mrd!.Class);
        Assert.Equal([earlier], mrd.Evidence);
    }

    [Fact]
    public void Mrd_LaterDetectedWithoutLevel_EarlierUsedAndFlagged()
    {
        var builder = Course().Mrd(BlinaStart.AddDays(14), 0m);
        var earlier = builder.LastRef;
        builder.Mrd(Day29, finding: Finding.Positive);
        var detected = builder.LastRef;

        var result = Run(builder);

        Assert.Equal([earlier], result.MrdAfterBlinatumomab!.Evidence);
        var flag = Assert.Single(result.DataQuality, f => f.Rule == "mrd-unclassifiable");
        Assert.Equal(detected, flag.Evidence);
    }

    [Fact]
    public void Mrd_OnlyDetectedWithoutLevel_NullAndFlagged()
    {
        var result = Run(Course().Mrd(Day29, finding: Finding.Positive));

        Assert.Null(result.MrdAfterBlinatumomab);
        Assert.Contains(result.DataQuality, f => f.Rule == "mrd-unclassifiable");
    }

    [Fact]
    public void Mrd_PcrDetectedWithoutLevelBesideNegativeFlowSameDay_FlowUsedPcrFlagged()
    {
        var builder = Course().Mrd(Day29, finding: Finding.Positive, method: AssayMethod.Pcr);
        var pcr = builder.LastRef;
        builder.Mrd(Day29, 0m, method: AssayMethod.Flow);

        var result = Run(builder);

        Assert.Equal(AssayMethod.Flow, result.MrdAfterBlinatumomab!.Method);
        Assert.Equal(pcr, Assert.Single(result.DataQuality, f => f.Rule == "mrd-unclassifiable").Evidence);
    }

    [Fact]
    public void Mrd_EarlierUnclassifiable_NotFlagged()
    {
        var builder = Course().Mrd(BlinaStart.AddDays(14), finding: Finding.Positive).Mrd(Day29, 0m);

        Assert.DoesNotContain(Run(builder).DataQuality, f => f.Rule == "mrd-unclassifiable");
    }

    [Fact]
    public void Mrd_PcrAndFlowSameDay_PcrPreferred()
    {
        var builder = Course().Mrd(Day29, 0.001m, method: AssayMethod.Pcr).Mrd(Day29, 0m, method: AssayMethod.Flow);

        var mrd = Run(builder).MrdAfterBlinatumomab;

        Assert.Equal(AssayMethod.Pcr, mrd!.Method);
        Assert.Equal(MrdClass.HighPositive, mrd.Class);
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(0, MrdClass.Negative)]
    [InlineData(35, MrdClass.Negative)]
    [InlineData(36, null)]
    public void Mrd_DayFromCourseStart_WithinCourseAndSevenDaysAfter(int day, MrdClass? expected)
    {
        // Last administration ends on course day 29 (start + 28), so the window closes at start + 35.
        var mrd = Run(Course().Mrd(BlinaStart.AddDays(day), 0m)).MrdAfterBlinatumomab;

        Assert.Equal(expected, mrd?.Class);
    }

    [Fact]
    public void Mrd_LaterResultInWindow_Wins()
    {
        var mrd = Run(Course().Mrd(BlinaStart.AddDays(14), 0.01m).Mrd(Day29, 0m)).MrdAfterBlinatumomab;

        Assert.Equal(MrdClass.Negative, mrd!.Class);
    }

    [Theory]
    [InlineData(Comparator.LessOrEqual, "0.0005", null)]
    [InlineData(Comparator.LessOrEqual, "0.0004", MrdClass.LowPositive)]
    [InlineData(Comparator.GreaterThan, "0.0005", MrdClass.HighPositive)]
    [InlineData(Comparator.GreaterOrEqual, "0.0001", null)]
    public void Mrd_Comparator_ClassedOnlyWhenCertain(Comparator comparator, string fraction, MrdClass? expected) =>
        Assert.Equal(expected, Run(Course().Mrd(Day29, Dec(fraction), comparator: comparator)).MrdAfterBlinatumomab?.Class);

    [Fact]
    public void Mrd_PositiveWithoutLevel_Skipped() => Assert.Null(Run(Course().Mrd(Day29, finding: Finding.Positive)).MrdAfterBlinatumomab);
}
