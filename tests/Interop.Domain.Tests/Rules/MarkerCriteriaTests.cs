using Interop.Domain.Facts;
using Interop.Domain.Results;
using static Interop.Domain.Tests.Evaluation;
using static Interop.Domain.Tests.PatientRecordBuilder;

namespace Interop.Domain.Tests.Rules;

public class MarkerCriteriaTests
{
    [Theory]
    [InlineData("19.9", CriterionStatus.NotMet)]
    [InlineData("20", CriterionStatus.Met)]
    public void Cd19_Percent_MetFromLimit(string percent, CriterionStatus expected)
    {
        var criterion = Run(Empty().Cd19(Dec(percent))).Criterion(CriterionIds.Cd19Positive);

        Assert.Equal(expected, criterion.Status);
        Assert.EndsWith($"{percent} % (limit >= 20 %)", criterion.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Finding.Positive, CriterionStatus.Met)]
    [InlineData(Finding.Negative, CriterionStatus.NotMet)]
    [InlineData(Finding.NotEvaluable, CriterionStatus.Unknown)]
    public void Cd19_Coded_Decides(Finding finding, CriterionStatus expected) =>
        Assert.Equal(expected, Run(Empty().Cd19(finding)).Status(CriterionIds.Cd19Positive));

    [Fact]
    public void Cd19_None_Unknown() => Assert.Equal(CriterionStatus.Unknown, Run(Empty()).Status(CriterionIds.Cd19Positive));

    [Fact]
    public void Cd19_ContradictorySameDay_UnknownWithBoth()
    {
        var builder = Empty().Cd19(Finding.Positive);
        var positive = builder.LastRef;
        builder.Cd19(5m);

        var criterion = Run(builder).Criterion(CriterionIds.Cd19Positive);

        Assert.Equal(CriterionStatus.Unknown, criterion.Status);
        Assert.Equal([positive, builder.LastRef], criterion.Evidence);
    }

    [Fact]
    public void Cd19_NotEvaluableAndPositiveSameDay_Met() =>
        Assert.Equal(CriterionStatus.Met, Run(Empty().Cd19(Finding.NotEvaluable).Cd19(Finding.Positive)).Status(CriterionIds.Cd19Positive));

    [Fact]
    public void Cd19_LaterResult_Decides() =>
        Assert.Equal(
            CriterionStatus.NotMet,
            Run(Empty().Cd19(Finding.Positive, DiagnosedOn).Cd19(Finding.Negative, DiagnosedOn.AddDays(2))).Status(CriterionIds.Cd19Positive));

    [Fact]
    public void Cd19_NegativeAfterBlinatumomabStart_Ignored()
    {
        var builder = Empty().Cd19(Finding.Positive, DiagnosedOn).BlinatumomabDays(BlinaStart, 28)
            .Cd19(Finding.Negative, BlinaStart.AddDays(1));

        Assert.Equal(CriterionStatus.Met, Run(builder).Status(CriterionIds.Cd19Positive));
    }

    [Fact]
    public void Cd19_OnBlinatumomabStartDate_Counts()
    {
        var builder = Empty().Cd19(Finding.Positive, DiagnosedOn).BlinatumomabDays(BlinaStart, 28).Cd19(Finding.Negative, BlinaStart);

        Assert.Equal(CriterionStatus.NotMet, Run(builder).Status(CriterionIds.Cd19Positive));
    }

    [Fact]
    public void Kmt2a_Rearranged_Met() =>
        Assert.Equal(CriterionStatus.Met, Run(Empty().Kmt2a(Finding.Positive)).Status(CriterionIds.Kmt2aRearranged));

    [Fact]
    public void Kmt2a_Germline_NotMet() =>
        Assert.Equal(CriterionStatus.NotMet, Run(Empty().Kmt2a(Finding.Negative)).Status(CriterionIds.Kmt2aRearranged));

    [Fact]
    public void Kmt2a_NotEvaluable_Met() =>
        Assert.Equal(CriterionStatus.Met, Run(Empty().Kmt2a(Finding.NotEvaluable)).Status(CriterionIds.Kmt2aRearranged));

    [Fact]
    public void Kmt2a_None_Unknown() => Assert.Equal(CriterionStatus.Unknown, Run(Empty()).Status(CriterionIds.Kmt2aRearranged));

    [Fact]
    public void Kmt2a_RearrangedAndGermline_UnknownContradictoryWithBoth()
    {
        var builder = Empty().Kmt2a(Finding.Positive);
        var positive = builder.LastRef;
        builder.Kmt2a(Finding.Negative, DiagnosedOn.AddDays(3));
        var negative = builder.LastRef;
        builder.Kmt2a(Finding.NotEvaluable);

        var criterion = Run(builder).Criterion(CriterionIds.Kmt2aRearranged);

        Assert.Equal(CriterionStatus.Unknown, criterion.Status);
        Assert.Equal("contradictory KMT2A results", criterion.Reason);
        Assert.Equal([positive, negative], criterion.Evidence);
    }

    [Theory]
    [InlineData(Finding.Positive, CriterionStatus.Met)]
    [InlineData(Finding.Negative, CriterionStatus.NotMet)]
    public void Kmt2a_NotEvaluableAndDefinite_DefiniteDecides(Finding definite, CriterionStatus expected)
    {
        var builder = Empty().Kmt2a(Finding.NotEvaluable).Kmt2a(definite, DiagnosedOn.AddDays(1));

        var criterion = Run(builder).Criterion(CriterionIds.Kmt2aRearranged);

        Assert.Equal(expected, criterion.Status);
        Assert.Equal([builder.LastRef], criterion.Evidence);
    }

    [Fact]
    public void Kmt2a_FusionWithPartner_MetWithPartnerInReason()
    {
        var criterion = Run(Empty().Kmt2aVariant(Kmt2aVariantKind.Rearrangement, "AFF1")).Criterion(CriterionIds.Kmt2aRearranged);

        Assert.Equal(CriterionStatus.Met, criterion.Status);
        Assert.Equal("KMT2A rearranged (KMT2A::AFF1)", criterion.Reason);
    }

    [Fact]
    public void Kmt2a_TwoResultsNamingDifferentPartners_MetNamingBoth()
    {
        var builder = Empty().Kmt2aVariant(Kmt2aVariantKind.Rearrangement, "MLLT3").Kmt2aVariant(Kmt2aVariantKind.Rearrangement, "AFF1", date: DiagnosedOn.AddDays(1)).Kmt2a(Finding.Positive);

        Assert.Equal("KMT2A rearranged (partners AFF1, MLLT3)", Run(builder).Criterion(CriterionIds.Kmt2aRearranged).Reason);
    }

    [Theory]
    [InlineData(Kmt2aVariantKind.OtherVariant)]
    [InlineData(Kmt2aVariantKind.GermlineVariant)]
    [InlineData(Kmt2aVariantKind.SpecificFusionAbsent)]
    public void Kmt2a_OnlyVariantsThatAreNoRearrangement_UnknownNotNotMet(Kmt2aVariantKind kind)
    {
        var builder = Empty().Kmt2aVariant(kind);

        var criterion = Run(builder).Criterion(CriterionIds.Kmt2aRearranged);

        Assert.Equal(CriterionStatus.Unknown, criterion.Status);
        Assert.Equal("no KMT2A rearrangement result (only KMT2A variants that neither show nor rule out a rearrangement)", criterion.Reason);
        Assert.Equal([builder.LastRef], criterion.Evidence);
    }

    [Theory]
    [InlineData(Finding.Positive, CriterionStatus.Met)]
    [InlineData(Finding.Negative, CriterionStatus.NotMet)]
    public void Kmt2a_PointMutationBesideRearrangementTest_TestDecides(Finding fish, CriterionStatus expected)
    {
        var builder = Empty().Kmt2aVariant(Kmt2aVariantKind.OtherVariant).Kmt2a(fish);

        var criterion = Run(builder).Criterion(CriterionIds.Kmt2aRearranged);

        Assert.Equal(expected, criterion.Status);
        Assert.Equal([builder.LastRef], criterion.Evidence);
    }

    [Fact]
    public void Kmt2a_FusionAbsent_NotMet() =>
        Assert.Equal(CriterionStatus.NotMet, Run(Empty().Kmt2aVariant(Kmt2aVariantKind.Rearrangement, finding: Finding.Negative)).Status(CriterionIds.Kmt2aRearranged));
}
