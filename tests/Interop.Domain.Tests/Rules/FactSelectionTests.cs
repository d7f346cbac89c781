using Interop.Domain.Facts;
using Interop.Domain.Results;
using static Interop.Domain.Tests.Evaluation;
using static Interop.Domain.Tests.PatientRecordBuilder;

namespace Interop.Domain.Tests.Rules;

public class FactSelectionTests
{
    [Fact]
    public void Preliminary_FinalSameDay_Ignored()
    {
        var builder = Empty().Cd19(Finding.Negative, status: ResultStatus.Preliminary).Cd19(Finding.Positive);

        var criterion = Run(builder).Criterion(CriterionIds.Cd19Positive);

        Assert.Equal(CriterionStatus.Met, criterion.Status);
        Assert.Equal([builder.LastRef], criterion.Evidence);
    }

    [Fact]
    public void Preliminary_NoFinalSameDay_Counts()
    {
        var builder = Empty().Cd19(Finding.Positive, DiagnosedOn).Cd19(Finding.Negative, DiagnosedOn.AddDays(1), ResultStatus.Preliminary);

        Assert.Equal(CriterionStatus.NotMet, Run(builder).Status(CriterionIds.Cd19Positive));
    }

    [Fact]
    public void Preliminary_FinalOfOtherKindSameDay_Counts()
    {
        var builder = Empty().Kmt2a(Finding.Positive).Cd19(Finding.Negative, status: ResultStatus.Preliminary);

        Assert.Equal(CriterionStatus.NotMet, Run(builder).Status(CriterionIds.Cd19Positive));
    }

    [Fact]
    public void Preliminary_Kmt2aTestBesideFinalPointMutationSameDay_Counts()
    {
        var builder = Empty().Kmt2aVariant(Kmt2aVariantKind.OtherVariant).Lab(LabKind.Kmt2a, DiagnosedOn, finding: Finding.Positive, status: ResultStatus.Preliminary);

        Assert.Equal(CriterionStatus.Met, Run(builder).Status(CriterionIds.Kmt2aRearranged));
    }

    [Fact]
    public void Preliminary_MrdFinalByOtherMethodSameDay_Counts()
    {
        var day = BlinaStart.AddDays(28);
        var builder = Empty().BlinatumomabDays(BlinaStart, 28)
            .Mrd(day, 0.01m, method: AssayMethod.Flow)
            .Lab(LabKind.Mrd, day, 0m, status: ResultStatus.Preliminary, method: AssayMethod.Pcr);

        var mrd = Run(builder).MrdAfterBlinatumomab;

        Assert.NotNull(mrd);
        Assert.Equal(AssayMethod.Pcr, mrd.Method);
    }

    [Fact]
    public void AsOf_LaterLab_Ignored()
    {
        var builder = Empty().Cd19(Finding.Positive, DiagnosedOn).Cd19(Finding.Negative, DiagnosedOn.AddDays(1));

        Assert.Equal(CriterionStatus.Met, Run(builder, AsOfEndOf(DiagnosedOn)).Status(CriterionIds.Cd19Positive));
    }

    [Fact]
    public void AsOf_LaterDiagnosis_Ignored() =>
        Assert.Null(Run(Empty().Diagnosed(DiagnosedOn.AddDays(1)), AsOfEndOf(DiagnosedOn)).DiagnosisDate);

    [Fact]
    public void AsOf_LaterDeath_Ignored()
    {
        var result = Run(EligibleWithCourse().Died(BlinaStart.AddDays(60)), AsOfEndOf(BlinaStart.AddDays(59)));

        Assert.Equal(OsStatus.Alive, result.Os!.Status);
    }

    [Fact]
    public void AsOf_AdministrationStartingLater_Ignored()
    {
        var result = Run(EligibleWithCourse(), new AsOf(At(BlinaStart, 7, 59), BlinaStart));

        Assert.Equal(CourseState.NotStarted, result.Course.State);
        Assert.Null(result.Dfs);
    }

    [Fact]
    public void AsOf_AdministrationEndingLater_TruncatedAndInProgress()
    {
        var asOf = new AsOf(At(BlinaStart.AddDays(10), 20), BlinaStart.AddDays(10));

        var course = Run(EligibleWithCourse(), asOf).Course;

        Assert.Equal(CourseState.InProgress, course.State);
        Assert.Equal(10, course.InfusionDays);
        Assert.Equal(asOf.Instant, course.LastEnd);
    }

    [Fact]
    public void AsOf_StoppedForToxicityAfterAsOf_NotYetStopped()
    {
        var builder = Empty().Blinatumomab(At(BlinaStart), At(BlinaStart.AddDays(5)), AdministrationStatus.Stopped, adverseReaction: true);

        var course = Run(builder, AsOfEndOf(BlinaStart.AddDays(3))).Course;

        Assert.Equal(CourseState.InProgress, course.State);
    }
}
