using Interop.Domain.Facts;
using Interop.Domain.Results;
using static Interop.Domain.Tests.Evaluation;
using static Interop.Domain.Tests.PatientRecordBuilder;

namespace Interop.Domain.Tests.Rules;

public class DiagnosisTests
{
    [Fact]
    public void DiagnosisDate_OnsetAndRecorded_OnsetWins() =>
        Assert.Equal(DiagnosedOn, Run(Empty().Diagnosed(DiagnosedOn, recorded: DiagnosedOn.AddDays(3))).DiagnosisDate);

    [Fact]
    public void DiagnosisDate_OnlyRecorded_RecordedUsed() =>
        Assert.Equal(DiagnosedOn.AddDays(3), Run(Empty().Diagnosed(null, recorded: DiagnosedOn.AddDays(3))).DiagnosisDate);

    [Fact]
    public void DiagnosisDate_SeveralConditions_EarliestNonRelapse()
    {
        var builder = Empty().Relapse(DiagnosedOn.AddDays(-20)).Diagnosed(DiagnosedOn.AddDays(5)).Diagnosed(DiagnosedOn);

        Assert.Equal(DiagnosedOn, Run(builder).DiagnosisDate);
    }

    [Fact]
    public void DiagnosisDate_UndatedCondition_EarliestMarrowUsed()
    {
        var builder = Empty().Diagnosed(null).Marrow(DiagnosedOn.AddDays(33), 1m).Marrow(DiagnosedOn, 90m);
        var marrow = builder.LastRef;

        var result = Run(builder);

        Assert.Equal(DiagnosedOn, result.DiagnosisDate);
        Assert.Contains(marrow, result.Criterion(CriterionIds.AgeAtDiagnosis).Evidence);
    }

    [Fact]
    public void DiagnosisDate_NoFacts_Null() => Assert.Null(Run(Empty()).DiagnosisDate);

    [Fact]
    public void NewlyDiagnosed_BPrecursor_Met() =>
        Assert.Equal(CriterionStatus.Met, Run(Empty().Diagnosed(DiagnosedOn)).Status(CriterionIds.NewlyDiagnosedBcpAll));

    [Fact]
    public void NewlyDiagnosed_NoCondition_Unknown() =>
        Assert.Equal(CriterionStatus.Unknown, Run(Empty()).Status(CriterionIds.NewlyDiagnosedBcpAll));

    [Fact]
    public void NewlyDiagnosed_OnlyRelapse_NotMet()
    {
        var criterion = Run(Empty().Relapse(DiagnosedOn)).Criterion(CriterionIds.NewlyDiagnosedBcpAll);

        Assert.Equal(CriterionStatus.NotMet, criterion.Status);
        Assert.Equal("relapsed ALL, not newly diagnosed", criterion.Reason);
    }

    [Fact]
    public void NewlyDiagnosed_RelapseBeforeDiagnosis_NotMet()
    {
        var builder = Empty().Relapse(DiagnosedOn.AddDays(-1));
        var relapse = builder.LastRef;
        builder.Diagnosed(DiagnosedOn);

        var criterion = Run(builder).Criterion(CriterionIds.NewlyDiagnosedBcpAll);

        Assert.Equal(CriterionStatus.NotMet, criterion.Status);
        Assert.Contains(relapse, criterion.Evidence);
    }

    [Fact]
    public void NewlyDiagnosed_RelapseAfterDiagnosis_StillMet() =>
        Assert.Equal(
            CriterionStatus.Met,
            Run(Empty().Diagnosed(DiagnosedOn).Relapse(DiagnosedOn.AddDays(100))).Status(CriterionIds.NewlyDiagnosedBcpAll));

    [Theory]
    [InlineData(Finding.Positive, CriterionStatus.Met)]
    [InlineData(Finding.Negative, CriterionStatus.NotMet)]
    [InlineData(Finding.NotEvaluable, CriterionStatus.Unknown)]
    public void NewlyDiagnosed_UnspecifiedLineage_DecidedByCd19(Finding cd19, CriterionStatus expected)
    {
        var builder = Empty().Diagnosed(DiagnosedOn, DiagnosisKind.AllUnspecifiedLineage).Cd19(cd19);

        Assert.Equal(expected, Run(builder).Status(CriterionIds.NewlyDiagnosedBcpAll));
    }

    [Fact]
    public void NewlyDiagnosed_UnspecifiedLineageWithoutCd19_Unknown() =>
        Assert.Equal(
            CriterionStatus.Unknown,
            Run(Empty().Diagnosed(DiagnosedOn, DiagnosisKind.AllUnspecifiedLineage)).Status(CriterionIds.NewlyDiagnosedBcpAll));

    [Fact]
    public void NewlyDiagnosed_UnspecifiedAndBPrecursor_MetWithoutCd19() =>
        Assert.Equal(
            CriterionStatus.Met,
            Run(Empty().Diagnosed(DiagnosedOn, DiagnosisKind.AllUnspecifiedLineage).Diagnosed(DiagnosedOn.AddDays(2))).Status(CriterionIds.NewlyDiagnosedBcpAll));
}
