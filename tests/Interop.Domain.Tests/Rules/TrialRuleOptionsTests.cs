using Interop.Domain.Rules;

namespace Interop.Domain.Tests.Rules;

public class TrialRuleOptionsTests
{
    public static TheoryData<string, Action<TrialRuleOptions>> InvalidSettings => new()
    {
        { nameof(TrialRuleOptions.RuleSetVersion), o => o.RuleSetVersion = " " },
        { nameof(TrialRuleOptions.MaxAgeAtDiagnosisDaysExclusive), o => o.MaxAgeAtDiagnosisDaysExclusive = 0 },
        { nameof(TrialRuleOptions.MinAgeAtBlinatumomabStartDaysExclusive), o => o.MinAgeAtBlinatumomabStartDaysExclusive = -1 },
        { nameof(TrialRuleOptions.Cd19PositiveMinPercent), o => o.Cd19PositiveMinPercent = 0m },
        { nameof(TrialRuleOptions.Cd19PositiveMinPercent), o => o.Cd19PositiveMinPercent = 100.1m },
        { nameof(TrialRuleOptions.InductionStartWindowDays), o => o.InductionStartWindowDays = -1 },
        { nameof(TrialRuleOptions.EndOfInductionWindowEndDay), o => o.EndOfInductionWindowEndDay = 25 },
        { nameof(TrialRuleOptions.M3MinBlastPercent), o => o.M3MinBlastPercent = 5m },
        { nameof(TrialRuleOptions.M3MinBlastPercent), o => o.M2MinBlastPercent = 0m },
        { nameof(TrialRuleOptions.HighRiskMaxAgeMonthsExclusive), o => o.HighRiskMaxAgeMonthsExclusive = 0 },
        { nameof(TrialRuleOptions.HighRiskMinWhiteCellCount), o => o.HighRiskMinWhiteCellCount = 0m },
        { nameof(TrialRuleOptions.PoorPrednisoneResponseMinBlastsPerMicrolitre), o => o.PoorPrednisoneResponseMinBlastsPerMicrolitre = -1m },
        { nameof(TrialRuleOptions.PrednisoneResponseDay), o => o.PrednisoneResponseDay = 0 },
        { nameof(TrialRuleOptions.PrednisoneResponseToleranceDays), o => o.PrednisoneResponseToleranceDays = -1 },
        { nameof(TrialRuleOptions.WhiteCellCountDaysBeforeDiagnosis), o => o.WhiteCellCountDaysBeforeDiagnosis = -1 },
        { nameof(TrialRuleOptions.WhiteCellCountDaysAfterDiagnosis), o => o.WhiteCellCountDaysAfterDiagnosis = -1 },
        { nameof(TrialRuleOptions.CourseInfusionDays), o => o.CourseInfusionDays = 0 },
        { nameof(TrialRuleOptions.InterruptionMinGapHours), o => o.InterruptionMinGapHours = 0 },
        { nameof(TrialRuleOptions.PlausibleBagLengthHours), o => o.PlausibleBagLengthHours = 0 },
        { nameof(TrialRuleOptions.ToxicityResumeWindowDays), o => o.ToxicityResumeWindowDays = 0 },
        { nameof(TrialRuleOptions.CourseEndedAfterIdleDays), o => o.CourseEndedAfterIdleDays = 0 },
        { nameof(TrialRuleOptions.MrdHighPositiveMinFraction), o => o.MrdHighPositiveMinFraction = 1m },
        { nameof(TrialRuleOptions.MrdAfterCourseWindowDays), o => o.MrdAfterCourseWindowDays = -1 },
        { nameof(TrialRuleOptions.PrimaryEndpointDeathWindowDays), o => o.PrimaryEndpointDeathWindowDays = -1 },
        { nameof(TrialRuleOptions.SurvivalOrigin), o => o.SurvivalOrigin = (SurvivalOrigin)99 },
        { nameof(TrialRuleOptions.CnsRelapseMinCsfWhiteCells), o => o.CnsRelapseMinCsfWhiteCells = 0m },
        { nameof(TrialRuleOptions.CombinedRelapseWindowDays), o => o.CombinedRelapseWindowDays = -1 },
    };

    [Fact]
    public void Validate_Defaults_NoErrors() => Assert.Empty(new TrialRuleOptions().Validate());

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Validate_InvalidSetting_OneErrorNamingIt(string setting, Action<TrialRuleOptions> breakIt)
    {
        var options = new TrialRuleOptions();
        breakIt(options);

        var error = Assert.Single(options.Validate());

        Assert.StartsWith($"{TrialRuleOptions.SectionName}:{setting} ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_AllReported()
    {
        var options = new TrialRuleOptions { CourseInfusionDays = 0, MrdAfterCourseWindowDays = -1 };

        Assert.Equal(2, options.Validate().Count);
    }
}
