using Interop.Domain.Facts;
using Interop.Domain.Results;
using Interop.Domain.Rules;
using static Interop.Domain.Tests.Evaluation;
using static Interop.Domain.Tests.PatientRecordBuilder;

namespace Interop.Domain.Tests.Rules;

public class SurvivalTests
{
    private static readonly DateOnly Later = BlinaStart.AddDays(60);

    /// <summary>In complete remission from diagnosis + 33, blinatumomab from diagnosis + 40.</summary>
    private static PatientRecordBuilder InRemission() => EligibleWithCourse();

    private static PatientRecordBuilder Cns3(PatientRecordBuilder builder, DateOnly date, decimal whiteCells = 10m) =>
        builder.Lab(LabKind.CsfBlasts, date, 3m).Lab(LabKind.CsfWhiteCells, date, whiteCells);

    [Fact]
    public void Survival_CourseNotStarted_Null()
    {
        var result = Run(EligibleBeforeBlinatumomab());

        Assert.Null(result.Dfs);
        Assert.Null(result.Os);
    }

    [Fact]
    public void Survival_NoEvent_CensoredAtAsOfFromBlinatumomabStart()
    {
        var result = Run(InRemission());

        Assert.Equal(new { Status = DfsStatus.EventFree, Origin = BlinaStart, Effective = (DateOnly?)DefaultAsOf.Date, Site = (RelapseSite?)null },
            new { result.Dfs!.Status, result.Dfs.Origin, Effective = result.Dfs.EffectiveDate, result.Dfs.Site });
        Assert.Equal(OsStatus.Alive, result.Os!.Status);
        Assert.Equal(DefaultAsOf.Date, result.Os.EffectiveDate);
    }

    [Fact]
    public void Survival_OriginDiagnosis_FromDiagnosisDate()
    {
        var result = Run(InRemission(), configure: o => o.SurvivalOrigin = SurvivalOrigin.Diagnosis);

        Assert.Equal(DiagnosedOn, result.Dfs!.Origin);
        Assert.Equal(DiagnosedOn, result.Os!.Origin);
    }

    [Fact]
    public void Survival_OriginDiagnosisUnknown_FromBlinatumomabStart() =>
        Assert.Equal(BlinaStart, Run(Empty().BlinatumomabDays(BlinaStart, 28), configure: o => o.SurvivalOrigin = SurvivalOrigin.Diagnosis).Dfs!.Origin);

    [Fact]
    public void Dfs_M3MarrowAfterRemission_BoneMarrowRelapse()
    {
        var builder = InRemission().Marrow(Later, 30m);

        var dfs = Run(builder).Dfs!;

        Assert.Equal(DfsStatus.Relapse, dfs.Status);
        Assert.Equal(Later, dfs.EffectiveDate);
        Assert.Equal(RelapseSite.BoneMarrow, dfs.Site);
        Assert.Contains(builder.LastRef, dfs.Evidence);
    }

    [Fact]
    public void Dfs_M2Marrow_NoRelapse() => Assert.Equal(DfsStatus.EventFree, Run(InRemission().Marrow(Later, 24.9m)).Dfs!.Status);

    [Fact]
    public void Dfs_M3MarrowWithoutRemission_NoRelapse()
    {
        var builder = Empty().Diagnosed(DiagnosedOn).Marrow(DiagnosedOn, 90m).Marrow(DiagnosedOn.AddDays(33), 10m)
            .BlinatumomabDays(BlinaStart, 28).Marrow(Later, 30m);

        Assert.Equal(DfsStatus.EventFree, Run(builder).Dfs!.Status);
    }

    [Theory]
    [InlineData("5", RelapseSite.Cns)]
    [InlineData("4.9", null)]
    public void Dfs_CsfBlastsWithWhiteCells_CnsRelapseFromLimit(string whiteCells, RelapseSite? expected)
    {
        var dfs = Run(Cns3(InRemission(), Later, Dec(whiteCells))).Dfs!;

        Assert.Equal(expected, dfs.Site);
        Assert.Equal(expected is null ? DfsStatus.EventFree : DfsStatus.Relapse, dfs.Status);
    }

    [Fact]
    public void Dfs_CsfWhiteCellsOtherDay_NoRelapse()
    {
        var builder = InRemission().Lab(LabKind.CsfBlasts, Later, 3m).Lab(LabKind.CsfWhiteCells, Later.AddDays(1), 10m);

        Assert.Equal(DfsStatus.EventFree, Run(builder).Dfs!.Status);
    }

    [Theory]
    [InlineData(14, RelapseSite.Combined)]
    [InlineData(15, RelapseSite.Cns)]
    public void Dfs_MarrowAfterCns_CombinedWithinWindow(int days, RelapseSite expected)
    {
        var dfs = Run(Cns3(InRemission(), Later).Marrow(Later.AddDays(days), 40m)).Dfs!;

        Assert.Equal(expected, dfs.Site);
        Assert.Equal(Later, dfs.EffectiveDate);
    }

    [Fact]
    public void Dfs_RelapseConditionOnly_SiteUnknown()
    {
        var dfs = Run(InRemission().Relapse(Later)).Dfs!;

        Assert.Equal(DfsStatus.Relapse, dfs.Status);
        Assert.Null(dfs.Site);
    }

    [Fact]
    public void Dfs_RelapseConditionWithMarrow_SiteFromMarrow() =>
        Assert.Equal(RelapseSite.BoneMarrow, Run(InRemission().Relapse(Later).Marrow(Later.AddDays(2), 60m)).Dfs!.Site);

    [Fact]
    public void Dfs_RelapseBeforeOrigin_Ignored() =>
        Assert.Equal(DfsStatus.EventFree, Run(InRemission().Marrow(BlinaStart.AddDays(-1), 30m)).Dfs!.Status);

    [Fact]
    public void Dfs_DeathBeforeRelapse_Death()
    {
        var result = Run(InRemission().Died(Later).Marrow(Later.AddDays(1), 30m));

        Assert.Equal(DfsStatus.Death, result.Dfs!.Status);
        Assert.Equal(Later, result.Dfs.EffectiveDate);
        Assert.Equal(OsStatus.Deceased, result.Os!.Status);
        Assert.Equal(Later, result.Os.EffectiveDate);
    }

    [Fact]
    public void Dfs_DeathSameDayAsRelapse_Relapse() =>
        Assert.Equal(DfsStatus.Relapse, Run(InRemission().Died(Later).Marrow(Later, 30m)).Dfs!.Status);

    [Fact]
    public void Survival_DeathWithoutDate_DeathWithoutEffectiveDate()
    {
        var result = Run(InRemission().Died(null));

        Assert.Equal(DfsStatus.Death, result.Dfs!.Status);
        Assert.Null(result.Dfs.EffectiveDate);
        Assert.Equal(OsStatus.Deceased, result.Os!.Status);
        Assert.Null(result.Os.EffectiveDate);
    }

    [Fact]
    public void Dfs_AsOfBeforeRelapse_EventFree() =>
        Assert.Equal(DfsStatus.EventFree, Run(InRemission().Marrow(Later, 30m), AsOfEndOf(Later.AddDays(-1))).Dfs!.Status);
}
