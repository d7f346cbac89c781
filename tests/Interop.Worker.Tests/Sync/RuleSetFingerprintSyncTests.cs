using System.Text.Json;
using Interop.Domain.Rules;
using Interop.Fhir;
using Interop.Fhir.Mapping;
using Interop.Testing;
using Interop.Sync;
using Interop.Worker.Tests.Cli;
using Interop.Worker.Tests.EndToEnd;

namespace Interop.Worker.Tests.Sync;

/// <summary>Issue 12, item 2: the rule-set fingerprint in every outcome, the run report and the summary; a changed rule under the same label warns.</summary>
public sealed class RuleSetFingerprintSyncTests
{
    [Fact]
    public void Of_DefaultOptions_NothingChanged()
    {
        var identity = RuleSetIdentity.Of(new TrialRuleOptions(), new ReadingOptions());

        Assert.False(identity.DiffersFromDefaults);
        Assert.Equal("blinfant-rules-1.0", identity.Version);
    }

    [Fact]
    public void Of_Cd19At30UnderTheBuiltInLabel_NamesTheChangedSetting()
    {
        var identity = RuleSetIdentity.Of(new TrialRuleOptions { Cd19PositiveMinPercent = 30m }, new ReadingOptions());

        Assert.Equal(["Rules:Cd19PositiveMinPercent"], identity.ChangedSettings);
        Assert.NotEqual(RuleSetIdentity.Of(new TrialRuleOptions(), new ReadingOptions()).Fingerprint, identity.Fingerprint);
    }

    [Fact]
    public void Of_ChangedUnderANewLabel_DoesNotWarnButFingerprintDiffers()
    {
        var identity = RuleSetIdentity.Of(new TrialRuleOptions { Cd19PositiveMinPercent = 30m, RuleSetVersion = "site-a-1" }, new ReadingOptions());

        Assert.False(identity.DiffersFromDefaults);
        Assert.NotEqual(RuleSetIdentity.Of(new TrialRuleOptions(), new ReadingOptions()).Fingerprint, identity.Fingerprint);
    }

    [Fact]
    public void Of_TextAnswersInAnotherOrderOrCase_IsTheSame()
    {
        var first = new ReadingOptions { TextAnswers = new(StringComparer.OrdinalIgnoreCase) { ["positive"] = ["pos", "Positive"], ["negative"] = ["neg"] } };
        var second = new ReadingOptions { TextAnswers = new(StringComparer.OrdinalIgnoreCase) { ["negative"] = ["NEG"], ["Positive"] = ["positive", " pos "] } };

        Assert.Equal(RuleSetIdentity.Of(new TrialRuleOptions(), first).Fingerprint, RuleSetIdentity.Of(new TrialRuleOptions(), second).Fingerprint);
    }

    [Fact]
    public void Of_MrdTextValuesTurnedOn_IsAChangedSetting() =>
        Assert.Equal(["Reading:MrdTextValues"], RuleSetIdentity.Of(new TrialRuleOptions(), new ReadingOptions { MrdTextValues = true }).ChangedSettings);

    [Fact]
    public async Task Sync_Cd19ThresholdChanged_FingerprintInOutcomesAndReportAndSummaryWarns()
    {
        using var work = new TempFolder();
        var output = work.Combine("out");
        var expected = RuleSetIdentity.Of(new TrialRuleOptions { Cd19PositiveMinPercent = 30m }, new ReadingOptions()).Fingerprint;

        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", RepositoryPaths.SampleExport, "--out", output, "--site-map", RepositoryPaths.SampleSiteMap, "--as-of", "2026-06-01"],
            new Dictionary<string, string?> { ["Rules:Cd19PositiveMinPercent"] = "30" });

        Assert.Contains($"rules blinfant-rules-1.0 (options {expected})", result.Output, StringComparison.Ordinal);
        Assert.Contains("WARNING: rule options differ from the defaults of blinfant-rules-1.0 (Rules:Cd19PositiveMinPercent)", result.Output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, FileSyncRunner.ReportFileName)));
        Assert.Equal(expected, report.RootElement.GetProperty("ruleSetFingerprint").GetString());
        var eligibility = new WrittenOutcomes(output).Find("p001", "eligibility");
        Assert.NotNull(eligibility);
        var coding = Assert.Single(eligibility.Method!.Coding);
        Assert.Equal((Canonical.RuleSetFingerprintSystem, expected), (coding.System, coding.Code));
    }

    [Fact]
    public async Task Sync_DefaultRules_NoWarning()
    {
        using var work = new TempFolder();

        var result = await CliRunner.RunAsync(
            ["sync", "--once", "--source", RepositoryPaths.SampleExport, "--out", work.Combine("out"), "--site-map", RepositoryPaths.SampleSiteMap, "--as-of", "2026-06-01", "--dry-run"]);

        Assert.DoesNotContain("WARNING: rule options", result.Output, StringComparison.Ordinal);
        Assert.Contains("(options sha256:", result.Output, StringComparison.Ordinal);
    }
}
