using System.Text.Json;
using Interop.Sync;
using Interop.Worker.Tests.Cli;

namespace Interop.Worker.Tests.Report;

public sealed class ReportCommandTests
{
    [Fact]
    public async Task Report_Json_HasTheContractFieldNamesAndTheCohortFigures()
    {
        using var store = new ReportStore();
        await store.SeedAsync(ReportStore.PublishedCohort());

        var result = await CliRunner.RunAsync(["report", "--format", "json"], store.Settings);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(
            ["asOf", "target", "survivalPopulation", "patients", "eligible", "ineligible", "undetermined", "ineligibleReasons", "undeterminedReasons",
                "mrdAfterBlinatumomab", "relapses", "relapsesWithCns", "relapsesBySite", "relapsesSiteNotRecorded", "deaths", "primaryEndpointEvents",
                "dfs", "os", "historicalControl"],
            Names(root));
        Assert.Equal(["negative", "lowPositive", "highPositive"], Names(root.GetProperty("mrdAfterBlinatumomab")));
        Assert.Equal(["twoYear", "fourYear", "subjects", "events", "eventDayUnknown"], Names(root.GetProperty("dfs")));
        Assert.Equal(["estimate", "lower", "upper"], Names(root.GetProperty("os").GetProperty("twoYear")));
        Assert.Equal(["dfsTwoYear", "osTwoYear", "dfsFourYear", "osFourYear"], Names(root.GetProperty("historicalControl")));

        Assert.Equal("2026-06-01", root.GetProperty("asOf").GetString());
        Assert.Equal("file", root.GetProperty("target").GetString());
        Assert.Equal(["screened", "eligible", "inAnalysis", "notEligible", "notStarted"], Names(root.GetProperty("survivalPopulation")));
        Assert.Equal(30, root.GetProperty("patients").GetInt32());
        Assert.Equal(16, root.GetProperty("mrdAfterBlinatumomab").GetProperty("negative").GetInt32());
        Assert.Equal(12, root.GetProperty("mrdAfterBlinatumomab").GetProperty("lowPositive").GetInt32());
        Assert.Equal(2, root.GetProperty("mrdAfterBlinatumomab").GetProperty("highPositive").GetInt32());
        Assert.Equal(4, root.GetProperty("relapsesWithCns").GetInt32());
        Assert.Equal(1, root.GetProperty("deaths").GetInt32());
        Assert.Equal(0, root.GetProperty("primaryEndpointEvents").GetInt32());
        Assert.Equal(0.816, Math.Round(root.GetProperty("dfs").GetProperty("twoYear").GetProperty("estimate").GetDouble(), 3));
        Assert.Equal(0.933, Math.Round(root.GetProperty("os").GetProperty("twoYear").GetProperty("estimate").GetDouble(), 3));
        Assert.Equal(0.494, root.GetProperty("historicalControl").GetProperty("dfsTwoYear").GetDouble());
    }

    [Fact]
    public async Task Report_Text_ShowsTheCohortBesideTheHistoricalFigures()
    {
        using var store = new ReportStore();
        await store.SeedAsync(ReportStore.PublishedCohort());

        var result = await CliRunner.RunAsync(["report"], store.Settings);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Interfant-06", result.Output, StringComparison.Ordinal);
        var dfs = Line(result.Output, "2-year DFS");
        Assert.Contains("81.6% (58.0-92.7)", dfs, StringComparison.Ordinal);
        Assert.EndsWith("49.4%", dfs, StringComparison.Ordinal);
        var os = Line(result.Output, "2-year OS");
        Assert.Contains("93.3% (61.3-99.0)", os, StringComparison.Ordinal);
        Assert.EndsWith("65.8%", os, StringComparison.Ordinal);
        Assert.EndsWith("44.0%", Line(result.Output, "4-year DFS"), StringComparison.Ordinal);
        Assert.EndsWith("60.2%", Line(result.Output, "4-year OS"), StringComparison.Ordinal);
        Assert.Contains("with CNS involvement 4", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_HistoricalFigureFromConfiguration_IsShown()
    {
        using var store = new ReportStore();
        await store.SeedAsync(ReportStore.PublishedCohort());
        store.Settings["Report:HistoricalDfsTwoYear"] = "0.5";

        var result = await CliRunner.RunAsync(["report"], store.Settings);

        Assert.EndsWith("50.0%", Line(result.Output, "2-year DFS"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_InvalidHistoricalFigure_IsConfigurationErrorNamingTheSetting()
    {
        using var store = new ReportStore();
        await store.SeedAsync(ReportStore.PublishedCohort());
        store.Settings["Report:HistoricalOsTwoYear"] = "65.8";

        var result = await CliRunner.RunAsync(["report"], store.Settings);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Report:HistoricalOsTwoYear", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownReportSetting_IsConfigurationErrorNamingTheKey()
    {
        using var store = new ReportStore();
        await store.SeedAsync(ReportStore.PublishedCohort());
        store.Settings["Report:HistoricalDfs2Year"] = "0.5";

        var result = await CliRunner.RunAsync(["report"], store.Settings);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("HistoricalDfs2Year", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_NothingRecorded_ExitsOneAskingForASyncFirst()
    {
        using var store = new ReportStore();

        var result = await CliRunner.RunAsync(["report"], store.Settings);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("sync --once", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--as-of", "last tuesday")]
    [InlineData("--as-of", "2026-02-30")]
    [InlineData("--plot", "curves.pdf")]
    [InlineData("--plot", "curves")]
    public async Task Report_BadOption_IsUsageErrorNamingTheOption(string option, string value)
    {
        using var store = new ReportStore();

        var result = await CliRunner.RunAsync(["report", option, value], store.Settings);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_AsOfBeforeAnEvent_CensorsItAtTheCutOff()
    {
        using var store = new ReportStore();
        // Origins 1000 days before the run (2026-06-01): a relapse on day 400, a death on day 650.
        await store.SeedAsync([
            ReportStore.Treated("a", 1000, relapseDay: 400, site: "bone-marrow"),
            ReportStore.Treated("b", 1000, deathDay: 650),
            ReportStore.Treated("c", 1000)]);

        // The cut-off 2025-01-01 is day 426 after the origin (2023-09-05): after the relapse, before the death.
        var result = await CliRunner.RunAsync(["report", "--format", "json", "--as-of", "2025-01-01"], store.Settings);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("2025-01-01", root.GetProperty("asOf").GetString());
        Assert.Equal(1, root.GetProperty("relapses").GetInt32());
        Assert.Equal(0, root.GetProperty("deaths").GetInt32());
        Assert.Equal(1, root.GetProperty("dfs").GetProperty("events").GetInt32());
        Assert.Equal(0, root.GetProperty("os").GetProperty("events").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("os").GetProperty("twoYear").ValueKind);
    }

    [Fact]
    public async Task Report_WithoutAsOf_IncludesTheLaterEvents()
    {
        using var store = new ReportStore();
        await store.SeedAsync([ReportStore.Treated("a", 1000, relapseDay: 400), ReportStore.Treated("b", 1000, deathDay: 650)]);

        var result = await CliRunner.RunAsync(["report", "--format", "json"], store.Settings);

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(1, json.RootElement.GetProperty("deaths").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("dfs").GetProperty("events").GetInt32());
    }

    [Fact]
    public async Task Report_ScreenedPatients_TopReasonsInTextAndJson()
    {
        using var store = new ReportStore();
        await store.SeedAsync([
            ReportStore.Screened("i1", "ineligible", "kmt2a-rearranged", "not-met"),
            ReportStore.Screened("i2", "ineligible", "kmt2a-rearranged", "not-met"),
            ReportStore.Screened("i3", "ineligible", "age-at-diagnosis", "not-met"),
            ReportStore.Screened("u1", "undetermined", "eoi-marrow-m1-m2", "unknown"),
            ReportStore.Treated("e1", 800)]);

        var text = await CliRunner.RunAsync(["report"], store.Settings);
        var json = await CliRunner.RunAsync(["report", "--format", "json"], store.Settings);

        Assert.EndsWith("3  (not met: kmt2a-rearranged 2, age-at-diagnosis 1)", Line(text.Output, "ineligible"), StringComparison.Ordinal);
        Assert.EndsWith("1  (missing: eoi-marrow-m1-m2 1)", Line(text.Output, "undetermined"), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        var first = document.RootElement.GetProperty("ineligibleReasons")[0];
        Assert.Equal("kmt2a-rearranged", first.GetProperty("criterion").GetString());
        Assert.Equal(2, first.GetProperty("count").GetInt32());
        Assert.Equal(5, document.RootElement.GetProperty("patients").GetInt32());
        Assert.Equal(1, document.RootElement.GetProperty("dfs").GetProperty("subjects").GetInt32());
    }

    [Fact]
    public async Task Report_SeveralTargetsNoneNamed_ExitsTwoListingThem()
    {
        using var store = new ReportStore();
        await store.SeedAsync([ReportStore.Treated("a", 800), ReportStore.Treated("a", 800) with { EhrName = "hospital-a" }]);

        var result = await CliRunner.RunAsync(["report"], store.Settings);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("(file, hospital-a)", result.Error, StringComparison.Ordinal);
        Assert.Contains("--target", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Report_TargetNamed_ReportsOnlyThatTarget()
    {
        using var store = new ReportStore();
        await store.SeedAsync([
            ReportStore.Treated("a", 800), ReportStore.Treated("b", 800),
            ReportStore.Treated("a", 800) with { EhrName = "hospital-a" }]);

        var result = await CliRunner.RunAsync(["report", "--target", "hospital-a", "--format", "json"], store.Settings);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("hospital-a", json.RootElement.GetProperty("target").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("patients").GetInt32());
    }

    [Fact]
    public async Task Report_UnknownTarget_ExitsTwoListingTheRecordedOnes()
    {
        using var store = new ReportStore();
        await store.SeedAsync([ReportStore.Treated("a", 800)]);

        var result = await CliRunner.RunAsync(["report", "--target", "hospital-b"], store.Settings);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("recorded targets: file.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_RelapseWithoutARecordedSite_IsListedAsSiteNotRecorded()
    {
        using var store = new ReportStore();
        await store.SeedAsync([
            ReportStore.Treated("a", 800, relapseDay: 300, site: "cns"),
            ReportStore.Treated("b", 800, relapseDay: 400)]);

        var result = await CliRunner.RunAsync(["report"], store.Settings);

        Assert.Contains("(bone-marrow 0, cns 1, combined 0, site not recorded 1;", Line(result.Output, "Relapses"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_TreatedButIneligible_TextSaysWhoIsInTheSurvivalAnalysis()
    {
        using var store = new ReportStore();
        await store.SeedAsync([ReportStore.Treated("a", 800), ReportStore.Treated("b", 800) with { Verdict = "ineligible" }]);

        var result = await CliRunner.RunAsync(["report"], store.Settings);

        Assert.Contains("target file", result.Output, StringComparison.Ordinal);
        Assert.Contains(
            "Survival population: 1 eligible patients from the start of blinatumomab; of 2 screened, left out: 1 not eligible, 0 eligible but not started",
            result.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Help_PrintsUsageWithoutTouchingTheStore()
    {
        using var store = new ReportStore();

        var result = await CliRunner.RunAsync(["report", "--help"], store.Settings);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.False(File.Exists(store.Combine("state.db")));
    }

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static string Line(string text, string label) =>
        text.Split('\n').Select(l => l.TrimEnd()).Single(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal));
}
