using Interop.Domain.Facts;
using Interop.Domain.Results;
using static Interop.Domain.Tests.Evaluation;
using static Interop.Domain.Tests.PatientRecordBuilder;

namespace Interop.Domain.Tests.Rules;

public class EligibilityTests
{
    [Fact]
    public void Evaluate_TypicalPatient_EligibleWithEveryCriterionInOrder()
    {
        var result = Run(EligibleWithCourse());

        Assert.Equal(EligibilityVerdict.Eligible, result.Eligibility.Verdict);
        Assert.Equal(CriterionIds.All, result.Eligibility.Criteria.Select(c => c.CriterionId));
        Assert.All(result.Eligibility.Criteria, c => Assert.Equal(CriterionStatus.Met, c.Status));
        Assert.Equal("blinfant-rules-1.0", result.Eligibility.RuleSetVersion);
        Assert.Equal(DiagnosedOn, result.DiagnosisDate);
    }

    [Fact]
    public void Evaluate_AnyNotMet_IneligibleEvenWithUnknowns()
    {
        var builder = Empty().Diagnosed(DiagnosedOn).Kmt2a(Finding.Negative);

        var result = Run(builder);

        Assert.Equal(EligibilityVerdict.Ineligible, result.Eligibility.Verdict);
        Assert.Equal([CriterionIds.Kmt2aRearranged], result.Eligibility.NotMet.Select(c => c.CriterionId));
        Assert.Contains(result.Eligibility.Missing, c => c.CriterionId == CriterionIds.Cd19Positive);
    }

    [Fact]
    public void Evaluate_UnknownWithoutNotMet_Undetermined()
    {
        var result = Run(EligibleBeforeBlinatumomab().BornOn(null));

        Assert.Equal(EligibilityVerdict.Undetermined, result.Eligibility.Verdict);
        Assert.Equal(
            [CriterionIds.AgeAtDiagnosis, CriterionIds.AgeAtBlinatumomabStart],
            result.Eligibility.Missing.Select(c => c.CriterionId));
    }

    [Fact]
    public void Evaluate_Evidence_SortedAndDistinct()
    {
        var result = Run(EligibleWithCourse().Diagnosed(DiagnosedOn.AddDays(1)));

        Assert.All(result.Eligibility.Criteria, c =>
        {
            Assert.Equal(c.Evidence.Order(), c.Evidence);
            Assert.Equal(c.Evidence.Distinct().Count(), c.Evidence.Count);
        });
    }

    [Theory]
    [InlineData(364, CriterionStatus.Met)]
    [InlineData(365, CriterionStatus.NotMet)]
    public void AgeAtDiagnosis_AgeInDays_MetBelowLimit(int age, CriterionStatus expected)
    {
        var result = Run(EligibleBeforeBlinatumomab().BornOn(DiagnosedOn.AddDays(-age)));

        var criterion = result.Criterion(CriterionIds.AgeAtDiagnosis);
        Assert.Equal(expected, criterion.Status);
        Assert.Equal($"age at diagnosis {age} days (limit < 365)", criterion.Reason);
        Assert.Contains(PatientRef, criterion.Evidence);
    }

    [Fact]
    public void AgeAtDiagnosis_LimitFromOptions_Used()
    {
        var result = Run(EligibleBeforeBlinatumomab().BornOn(DiagnosedOn.AddDays(-60)), configure: o => o.MaxAgeAtDiagnosisDaysExclusive = 60);

        Assert.Equal(CriterionStatus.NotMet, result.Status(CriterionIds.AgeAtDiagnosis));
    }

    [Fact]
    public void AgeAtDiagnosis_NoBirthDate_Unknown() =>
        Assert.Equal(CriterionStatus.Unknown, Run(EligibleBeforeBlinatumomab().BornOn(null)).Status(CriterionIds.AgeAtDiagnosis));

    [Fact]
    public void AgeAtDiagnosis_NoDiagnosisDate_Unknown()
    {
        var result = Run(Empty().Diagnosed(null));

        Assert.Null(result.DiagnosisDate);
        Assert.Equal(CriterionStatus.Unknown, result.Status(CriterionIds.AgeAtDiagnosis));
    }

    [Theory]
    [InlineData(28, CriterionStatus.NotMet)]
    [InlineData(29, CriterionStatus.Met)]
    public void AgeAtBlinatumomabStart_Started_MetAboveLimit(int age, CriterionStatus expected)
    {
        var result = Run(Empty().BornOn(BlinaStart.AddDays(-age)).BlinatumomabDays(BlinaStart, 28));

        var criterion = result.Criterion(CriterionIds.AgeAtBlinatumomabStart);
        Assert.Equal(expected, criterion.Status);
        Assert.Equal($"age at blinatumomab start {age} days (limit > 28)", criterion.Reason);
    }

    [Theory]
    [InlineData(28, CriterionStatus.Unknown)]
    [InlineData(29, CriterionStatus.Met)]
    public void AgeAtBlinatumomabStart_NotStarted_MetOnceOlderOnAsOfDate(int ageOnAsOf, CriterionStatus expected)
    {
        var asOf = AsOfEndOf(Birth.AddDays(ageOnAsOf));

        var result = Run(Empty(), asOf);

        Assert.Equal(expected, result.Status(CriterionIds.AgeAtBlinatumomabStart));
    }

    [Fact]
    public void AgeAtBlinatumomabStart_OnlyNotDoneAdministration_JudgedOnAsOfDate()
    {
        var builder = Empty().BornOn(BlinaStart.AddDays(-10))
            .Blinatumomab(At(BlinaStart), null, AdministrationStatus.NotDone);

        var result = Run(builder, AsOfEndOf(BlinaStart.AddDays(30)));

        Assert.Equal(CriterionStatus.Met, result.Status(CriterionIds.AgeAtBlinatumomabStart));
        Assert.StartsWith("blinatumomab not started", result.Criterion(CriterionIds.AgeAtBlinatumomabStart).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AgeAtBlinatumomabStart_NoBirthDate_Unknown() =>
        Assert.Equal(CriterionStatus.Unknown, Run(EligibleWithCourse().BornOn(null)).Status(CriterionIds.AgeAtBlinatumomabStart));
}
