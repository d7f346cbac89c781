using Interop.Domain.Facts;
using Interop.Domain.Results;
using static Interop.Domain.Tests.Evaluation;
using static Interop.Domain.Tests.PatientRecordBuilder;

namespace Interop.Domain.Tests.Rules;

public class CourseDoseTests
{
    private static readonly DateTimeOffset Start = At(BlinaStart);

    [Fact]
    public void Course_MicrogramsOverBsa_BsaBeforeStartUsedAndRounded()
    {
        var builder = Empty()
            .Lab(LabKind.BodySurfaceArea, BlinaStart.AddDays(-20), 0.25m)
            .Lab(LabKind.BodySurfaceArea, BlinaStart.AddDays(-1), 0.3m);
        var used = builder.LastRef;
        builder.Lab(LabKind.BodySurfaceArea, BlinaStart.AddDays(1), 0.5m)
            .Blinatumomab(Start, Start.AddDays(28), micrograms: 100m);

        var course = Run(builder).Course;

        Assert.Equal(333.33m, course.CumulativeDosePerSquareMetre);
        Assert.Contains(used, course.Evidence);
    }

    [Fact]
    public void Course_OnlyBsaAfterStart_FirstAfterUsed()
    {
        var builder = Empty()
            .Lab(LabKind.BodySurfaceArea, BlinaStart.AddDays(3), 0.3m)
            .Lab(LabKind.BodySurfaceArea, BlinaStart.AddDays(2), 0.4m)
            .Blinatumomab(Start, Start.AddDays(14), micrograms: 10m)
            .Blinatumomab(Start.AddDays(14), Start.AddDays(28), perSquareMetre: 210m);

        Assert.Equal(235m, Run(builder).Course.CumulativeDosePerSquareMetre);
    }

    [Fact]
    public void Course_MidpointDose_RoundedAwayFromZero()
    {
        var builder = Empty().Blinatumomab(Start, Start.AddDays(28), perSquareMetre: 1.005m);

        Assert.Equal(1.01m, Run(builder).Course.CumulativeDosePerSquareMetre);
    }

    [Fact]
    public void Course_DoseWithoutBsa_UnknownWithReasonAndFlag()
    {
        var builder = Empty().Blinatumomab(Start, Start.AddDays(28), micrograms: 100m);
        var bag = builder.LastRef;

        var assessment = Run(builder);

        Assert.Null(assessment.Course.CumulativeDosePerSquareMetre);
        Assert.Equal(DoseUnknownReason.BodySurfaceAreaMissing, assessment.Course.CumulativeDoseUnknown);
        var flag = Assert.Single(assessment.DataQuality);
        Assert.Equal((UnknownFlag, bag), (flag.Rule, flag.Evidence));
    }

    [Fact]
    public void Course_AdministrationWithoutDose_UnknownDoseNotRecorded()
    {
        var course = Run(Empty().BlinatumomabDays(BlinaStart, 10).Blinatumomab(Start.AddDays(10), Start.AddDays(28))).Course;

        Assert.Null(course.CumulativeDosePerSquareMetre);
        Assert.Equal(DoseUnknownReason.DoseNotRecorded, course.CumulativeDoseUnknown);
    }

    [Fact]
    public void Course_KnownDose_NoReasonNoFlag()
    {
        var assessment = Run(Empty().BlinatumomabDays(BlinaStart, 28));

        Assert.Null(assessment.Course.CumulativeDoseUnknown);
        Assert.Empty(assessment.DataQuality);
    }

    [Fact]
    public void Course_NotStarted_NoReason() => Assert.Null(Run(Empty()).Course.CumulativeDoseUnknown);

    [Fact]
    public void Course_RatePerSquareMetreOverRecordedPeriod_RateTimesDays()
    {
        var builder = Empty().Blinatumomab(Start, Start.AddDays(28), rate: new DoseRate(15m, PerSquareMetre: true));

        Assert.Equal(420m, Run(builder).Course.CumulativeDosePerSquareMetre);
    }

    [Fact]
    public void Course_RateInMicrogramsPerDay_RateTimesDaysOverBsa()
    {
        var builder = Empty()
            .Lab(LabKind.BodySurfaceArea, BlinaStart, 0.4m)
            .Blinatumomab(Start, Start.AddDays(7), rate: new DoseRate(6m, PerSquareMetre: false))
            .Blinatumomab(Start.AddDays(7), Start.AddDays(7).AddHours(12), rate: new DoseRate(6m, PerSquareMetre: false));

        Assert.Equal(112.5m, Run(builder).Course.CumulativeDosePerSquareMetre);
    }

    [Fact]
    public void Course_RateOnBagRunningAtAsOf_DoseSoFar()
    {
        var builder = Empty().Blinatumomab(Start, null, AdministrationStatus.InProgress, rate: new DoseRate(15m, PerSquareMetre: true));

        var course = Run(builder, AsOfInstant(Start.AddDays(3).AddHours(12))).Course;

        Assert.Equal(52.5m, course.CumulativeDosePerSquareMetre);
    }

    [Fact]
    public void Course_RateAndDose_DoseWins()
    {
        var builder = Empty().Blinatumomab(Start, Start.AddDays(28), perSquareMetre: 400m, rate: new DoseRate(15m, PerSquareMetre: true));

        Assert.Equal(400m, Run(builder).Course.CumulativeDosePerSquareMetre);
    }

    [Theory]
    [InlineData(AdministrationStatus.Completed)]
    [InlineData(AdministrationStatus.InProgress)]
    public void Course_RateWithoutRecordedEnd_UnknownNotSmaller(AdministrationStatus status)
    {
        var rate = new DoseRate(15m, PerSquareMetre: true);
        var builder = Empty().Blinatumomab(Start, null, status, rate: rate);
        var open = builder.LastRef;
        builder.Blinatumomab(Start.AddDays(4), Start.AddDays(28), rate: rate);

        var assessment = Run(builder);

        Assert.Equal(28, assessment.Course.InfusionDays);
        Assert.Null(assessment.Course.CumulativeDosePerSquareMetre);
        Assert.Equal(DoseUnknownReason.RateWithoutRecordedEnd, assessment.Course.CumulativeDoseUnknown);
        Assert.Contains(assessment.DataQuality, f => f.Rule == UnknownFlag && f.Evidence == open);
    }

    [Fact]
    public void Course_UnreadableDosageOnSeveralBags_UnknownFlaggedOnceOnTheFirst()
    {
        var builder = Empty().Blinatumomab(Start, Start.AddDays(14), doseUnreadable: true);
        var first = builder.LastRef;
        builder.Blinatumomab(Start.AddDays(14), Start.AddDays(28), doseUnreadable: true);

        var assessment = Run(builder);

        Assert.Equal(DoseUnknownReason.DoseNotReadable, assessment.Course.CumulativeDoseUnknown);
        var flag = Assert.Single(assessment.DataQuality);
        Assert.Equal((UnknownFlag, first), (flag.Rule, flag.Evidence));
    }

    private const string UnknownFlag = "cumulative-dose-unknown";
}
