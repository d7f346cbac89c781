using Interop.Domain.Rules;

namespace Interop.Domain.Tests.Rules;

public sealed class RuleSetFingerprintTests
{
    private static string Of(TrialRuleOptions rules) => RuleSetFingerprint.Of(RuleSetFingerprint.Settings(rules));

    [Fact]
    public void Of_Defaults_IsStableAcrossCalls()
    {
        var fingerprint = Of(new TrialRuleOptions());

        Assert.Equal(fingerprint, Of(new TrialRuleOptions()));
        Assert.Matches("^sha256:[0-9a-f]{32}$", fingerprint);
    }

    [Fact]
    public void Of_Cd19ThresholdChanged25To30_Changes()
    {
        var at25 = Of(new TrialRuleOptions { Cd19PositiveMinPercent = 25m });

        Assert.NotEqual(at25, Of(new TrialRuleOptions { Cd19PositiveMinPercent = 30m }));
    }

    [Fact]
    public void Of_SameValueWithAnotherScale_IsTheSame() =>
        Assert.Equal(Of(new TrialRuleOptions { Cd19PositiveMinPercent = 25m }), Of(new TrialRuleOptions { Cd19PositiveMinPercent = 25.0m }));

    [Fact]
    public void Of_SameSettingsInAnotherOrder_IsTheSame()
    {
        var settings = RuleSetFingerprint.Settings(new TrialRuleOptions { Cd19PositiveMinPercent = 30m }).ToList();

        Assert.Equal(RuleSetFingerprint.Of(settings), RuleSetFingerprint.Of(Enumerable.Reverse(settings)));
    }

    [Fact]
    public void Of_VersionLabelOnlyChanged_IsTheSame() =>
        Assert.Equal(Of(new TrialRuleOptions()), Of(new TrialRuleOptions { RuleSetVersion = "site-rules-2" }));

    [Fact]
    public void Of_PlausibleBagLengthChangedByOneHour_Changes() =>
        Assert.NotEqual(Of(new TrialRuleOptions()), Of(new TrialRuleOptions { PlausibleBagLengthHours = 169 }));

    [Fact]
    public void Of_ValueMovedBetweenKeys_Changes() =>
        Assert.NotEqual(
            RuleSetFingerprint.Of([new("a", "1"), new("b", "")]),
            RuleSetFingerprint.Of([new("a", ""), new("b", "1")]));

    [Fact]
    public void Of_KeyTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => RuleSetFingerprint.Of([new("a", "1"), new("a", "1")]));

    [Fact]
    public void Settings_EveryRuleOptionButTheVersion_IsIncluded() =>
        Assert.Equal(
            typeof(TrialRuleOptions).GetProperties().Length - 1,
            RuleSetFingerprint.Settings(new TrialRuleOptions()).Count());
}
