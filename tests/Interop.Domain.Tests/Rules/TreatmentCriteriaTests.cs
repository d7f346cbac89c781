using Interop.Domain.Facts;
using Interop.Domain.Results;
using static Interop.Domain.Tests.Evaluation;
using static Interop.Domain.Tests.PatientRecordBuilder;

namespace Interop.Domain.Tests.Rules;

public class TreatmentCriteriaTests
{
    [Theory]
    [InlineData(-7, CriterionStatus.Met)]
    [InlineData(7, CriterionStatus.Met)]
    [InlineData(-8, CriterionStatus.NotMet)]
    [InlineData(8, CriterionStatus.NotMet)]
    public void InductionGiven_StartDay_MetWithinWindow(int day, CriterionStatus expected)
    {
        var result = Run(Empty().Diagnosed(DiagnosedOn).Induction(DiagnosedOn.AddDays(day)));

        Assert.Equal(expected, result.Status(CriterionIds.InductionGiven));
    }

    [Fact]
    public void InductionGiven_NoInduction_Unknown() =>
        Assert.Equal(CriterionStatus.Unknown, Run(Empty().Diagnosed(DiagnosedOn)).Status(CriterionIds.InductionGiven));

    [Fact]
    public void InductionGiven_OnlyNotDone_Unknown() =>
        Assert.Equal(
            CriterionStatus.Unknown,
            Run(Empty().Diagnosed(DiagnosedOn).Induction(DiagnosedOn, AdministrationStatus.NotDone)).Status(CriterionIds.InductionGiven));

    [Fact]
    public void InductionGiven_NoDiagnosisDate_Unknown() =>
        Assert.Equal(CriterionStatus.Unknown, Run(Empty().Induction(DiagnosedOn)).Status(CriterionIds.InductionGiven));

    [Fact]
    public void InductionGiven_OneInWindowOneOutside_MetWithInWindowEvidence()
    {
        var builder = Empty().Diagnosed(DiagnosedOn).Induction(DiagnosedOn.AddDays(-30));
        var outside = builder.LastRef;
        builder.Induction(DiagnosedOn.AddDays(1));

        var criterion = Run(builder).Criterion(CriterionIds.InductionGiven);

        Assert.Equal(CriterionStatus.Met, criterion.Status);
        Assert.DoesNotContain(outside, criterion.Evidence);
        Assert.Contains(builder.LastRef, criterion.Evidence);
    }

    [Theory]
    [InlineData(25, CriterionStatus.Unknown)]
    [InlineData(26, CriterionStatus.Met)]
    [InlineData(45, CriterionStatus.Met)]
    [InlineData(46, CriterionStatus.Unknown)]
    public void EndOfInductionMarrow_Day_CountsOnlyWithinWindow(int day, CriterionStatus expected)
    {
        var result = Run(Empty().Diagnosed(DiagnosedOn).Marrow(DiagnosedOn.AddDays(day), 1m));

        Assert.Equal(expected, result.Status(CriterionIds.EndOfInductionMarrow));
    }

    [Theory]
    [InlineData("24.9", CriterionStatus.Met)]
    [InlineData("25", CriterionStatus.NotMet)]
    public void EndOfInductionMarrow_Blasts_MetBelowM3(string percent, CriterionStatus expected)
    {
        var criterion = Run(Empty().Diagnosed(DiagnosedOn).Marrow(DiagnosedOn.AddDays(33), Dec(percent))).Criterion(CriterionIds.EndOfInductionMarrow);

        Assert.Equal(expected, criterion.Status);
        Assert.Equal($"end-of-induction marrow blasts {percent} % (limit < 25 %)", criterion.Reason);
    }

    [Fact]
    public void EndOfInductionMarrow_OnBlinatumomabStartDate_NotCounted()
    {
        var builder = Empty().Diagnosed(DiagnosedOn).Marrow(DiagnosedOn.AddDays(30), 1m).Marrow(BlinaStart, 50m).BlinatumomabDays(BlinaStart, 28);

        var criterion = Run(builder).Criterion(CriterionIds.EndOfInductionMarrow);

        Assert.Equal(CriterionStatus.Met, criterion.Status);
    }

    [Fact]
    public void EndOfInductionMarrow_TwoInWindow_LastDecides()
    {
        var builder = Empty().Diagnosed(DiagnosedOn).Marrow(DiagnosedOn.AddDays(30), 1m).Marrow(DiagnosedOn.AddDays(36), 30m);

        Assert.Equal(CriterionStatus.NotMet, Run(builder).Status(CriterionIds.EndOfInductionMarrow));
    }

    [Fact]
    public void EndOfInductionMarrow_BelowComparatorUnderLimit_Met()
    {
        var builder = Empty().Diagnosed(DiagnosedOn).Lab(LabKind.MarrowBlastsPercent, DiagnosedOn.AddDays(33), 5m, comparator: Comparator.LessThan);

        Assert.Equal(CriterionStatus.Met, Run(builder).Status(CriterionIds.EndOfInductionMarrow));
    }
}
