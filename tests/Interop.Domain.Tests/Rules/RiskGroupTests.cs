using Interop.Domain.Facts;
using Interop.Domain.Results;
using static Interop.Domain.Tests.Evaluation;
using static Interop.Domain.Tests.PatientRecordBuilder;

namespace Interop.Domain.Tests.Rules;

public class RiskGroupTests
{
    /// <summary>Rearranged, diagnosed at 60 days of age (under 6 months).</summary>
    private static PatientRecordBuilder YoungRearranged() => Empty().Diagnosed(DiagnosedOn).Kmt2a(Finding.Positive);

    [Fact]
    public void RiskGroup_Germline_LR() => Assert.Equal(RiskGroup.LR, Run(Empty().Diagnosed(DiagnosedOn).Kmt2a(Finding.Negative)).RiskGroup.Group);

    [Fact]
    public void RiskGroup_NotEvaluableOnly_MR() => Assert.Equal(RiskGroup.MR, Run(Empty().Diagnosed(DiagnosedOn).Kmt2a(Finding.NotEvaluable)).RiskGroup.Group);

    [Fact]
    public void RiskGroup_Contradictory_Null()
    {
        var result = Run(YoungRearranged().Kmt2a(Finding.Negative, DiagnosedOn.AddDays(1))).RiskGroup;

        Assert.Null(result.Group);
        Assert.Equal(DiagnosedOn, result.DiagnosisDate);
    }

    [Fact]
    public void RiskGroup_PointMutationOnly_NullNotLowRisk()
    {
        var result = Run(Empty().Diagnosed(DiagnosedOn).Kmt2aVariant(Kmt2aVariantKind.OtherVariant)).RiskGroup;

        Assert.Null(result.Group);
        Assert.Equal("KMT2A status unknown", result.Reason);
    }

    [Fact]
    public void RiskGroup_FusionWithPartnerOlderInfant_MrNamingThePartner()
    {
        var result = Run(Empty().BornOn(DiagnosedOn.AddMonths(-7)).Diagnosed(DiagnosedOn).Kmt2aVariant(Kmt2aVariantKind.Rearrangement, "MLLT1")).RiskGroup;

        Assert.Equal(RiskGroup.MR, result.Group);
        Assert.StartsWith("KMT2A rearranged (KMT2A::MLLT1), age at diagnosis 6 months or more", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RiskGroup_NoKmt2a_Null() => Assert.Null(Run(Empty().Diagnosed(DiagnosedOn)).RiskGroup.Group);

    [Fact]
    public void RiskGroup_RearrangedAgeUnknown_Null() => Assert.Null(Run(YoungRearranged().BornOn(null)).RiskGroup.Group);

    [Fact]
    public void RiskGroup_RearrangedAgeUnknownBothMarkersLow_MR()
    {
        // HR needs a high marker: with both below their limits, the unknown age cannot make it HR.
        var builder = YoungRearranged().BornOn(null)
            .Lab(LabKind.WhiteCellCount, DiagnosedOn, 299.9m)
            .Lab(LabKind.PeripheralBloodBlasts, DiagnosedOn.AddDays(7), 999m);

        Assert.Equal(RiskGroup.MR, Run(builder).RiskGroup.Group);
    }

    [Fact]
    public void RiskGroup_RearrangedAgeUnknownHighCount_Null()
    {
        var builder = YoungRearranged().BornOn(null).Lab(LabKind.WhiteCellCount, DiagnosedOn, 300m);

        Assert.Null(Run(builder).RiskGroup.Group);
    }

    [Fact]
    public void RiskGroup_RearrangedSixMonthsOld_MR()
    {
        var builder = YoungRearranged().BornOn(DiagnosedOn.AddMonths(-6)).Lab(LabKind.WhiteCellCount, DiagnosedOn, 500m);

        Assert.Equal(RiskGroup.MR, Run(builder).RiskGroup.Group);
    }

    [Fact]
    public void RiskGroup_RearrangedOneDayUnderSixMonths_HighCountHR()
    {
        var builder = YoungRearranged().BornOn(DiagnosedOn.AddMonths(-6).AddDays(1)).Lab(LabKind.WhiteCellCount, DiagnosedOn, 500m);

        Assert.Equal(RiskGroup.HR, Run(builder).RiskGroup.Group);
    }

    [Theory]
    [InlineData("299.9", "999", RiskGroup.MR)]
    [InlineData("300", "999", RiskGroup.HR)]
    [InlineData("299.9", "1000", RiskGroup.HR)]
    public void RiskGroup_YoungRearranged_HRFromLimits(string wbc, string blasts, RiskGroup expected)
    {
        var builder = YoungRearranged()
            .Lab(LabKind.WhiteCellCount, DiagnosedOn, Dec(wbc))
            .Lab(LabKind.PeripheralBloodBlasts, DiagnosedOn.AddDays(7), Dec(blasts));

        var result = Run(builder).RiskGroup;

        Assert.Equal(expected, result.Group);
        Assert.Equal(result.Evidence.Order(), result.Evidence);
    }

    [Fact]
    public void RiskGroup_CountBelowBlastsMissing_Null() =>
        Assert.Null(Run(YoungRearranged().Lab(LabKind.WhiteCellCount, DiagnosedOn, 10m)).RiskGroup.Group);

    [Fact]
    public void RiskGroup_CountMissingBlastsHigh_HR() =>
        Assert.Equal(RiskGroup.HR, Run(YoungRearranged().Lab(LabKind.PeripheralBloodBlasts, DiagnosedOn.AddDays(7), 5000m)).RiskGroup.Group);

    [Theory]
    [InlineData(-7, RiskGroup.HR)]
    [InlineData(-8, null)]
    [InlineData(3, RiskGroup.HR)]
    [InlineData(4, null)]
    public void RiskGroup_WhiteCellCountDay_CountsWithinWindow(int day, RiskGroup? expected)
    {
        var builder = YoungRearranged().Lab(LabKind.WhiteCellCount, DiagnosedOn.AddDays(day), 400m);

        Assert.Equal(expected, Run(builder).RiskGroup.Group);
    }

    [Fact]
    public void RiskGroup_SeveralCounts_ClosestToDiagnosisEarlierOnTie()
    {
        var builder = YoungRearranged()
            .Lab(LabKind.WhiteCellCount, DiagnosedOn.AddDays(-2), 100m)
            .Lab(LabKind.WhiteCellCount, DiagnosedOn.AddDays(2), 400m)
            .Lab(LabKind.PeripheralBloodBlasts, DiagnosedOn.AddDays(7), 10m);

        Assert.Equal(RiskGroup.MR, Run(builder).RiskGroup.Group);
    }

    [Theory]
    [InlineData(8, RiskGroup.HR)]
    [InlineData(10, RiskGroup.HR)]
    [InlineData(11, null)]
    [InlineData(7, null)]
    public void RiskGroup_DayEightFromInductionStart_ToleranceOneDay(int daysAfterDiagnosis, RiskGroup? expected)
    {
        // Prophase started on diagnosis + 2: day 8 is diagnosis + 9.
        var builder = YoungRearranged()
            .Induction(DiagnosedOn.AddDays(2))
            .Lab(LabKind.WhiteCellCount, DiagnosedOn, 10m)
            .Lab(LabKind.PeripheralBloodBlasts, DiagnosedOn.AddDays(daysAfterDiagnosis), 2000m);

        Assert.Equal(expected, Run(builder).RiskGroup.Group);
    }
}
