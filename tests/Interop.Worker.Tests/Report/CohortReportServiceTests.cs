using Interop.Domain.Cohort;
using Interop.Worker.Configuration;
using Interop.Worker.Report;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Tests.Report;

public sealed class CohortReportServiceTests
{
    private static CohortReportService Service(ReportStore store) =>
        new(store.Store, Options.Create(new CohortReportOptions()), Options.Create(new InteropOptions()));

    [Fact]
    public async Task GetSummaryAsync_NoSubjectRecorded_IsNull()
    {
        using var store = new ReportStore();
        await store.SeedAsync([]);

        var answer = await Service(store).GetSummaryAsync(null, null, CancellationToken.None);

        Assert.Equal(CohortTargetStatus.NothingRecorded, answer.Status);
        Assert.Null(answer.Summary);
    }

    [Fact]
    public async Task GetSummaryAsync_SeveralTargetsNoneNamed_IsRefusedListingThem()
    {
        using var store = new ReportStore();
        await store.SeedAsync([ReportStore.Treated("a", 100), ReportStore.Treated("a", 100) with { EhrName = "hospital-a" }]);

        var answer = await Service(store).GetSummaryAsync(null, null, CancellationToken.None);

        Assert.Equal(CohortTargetStatus.TargetRequired, answer.Status);
        Assert.Equal(["file", "hospital-a"], answer.Targets);
        Assert.Null(answer.Summary);
    }

    [Fact]
    public async Task GetSummaryAsync_OneTargetNoneNamed_ReportsIt()
    {
        using var store = new ReportStore();
        await store.SeedAsync([ReportStore.Treated("a", 100) with { EhrName = "hospital-a" }]);

        var answer = await Service(store).GetSummaryAsync(null, null, CancellationToken.None);

        Assert.Equal((CohortTargetStatus.Reported, "hospital-a", 1), (answer.Status, answer.Summary!.Target, answer.Summary.Patients));
    }

    [Fact]
    public async Task GetSummaryAsync_MoreSubjectsThanAPage_ReadsThemAll()
    {
        using var store = new ReportStore();
        await store.SeedAsync([.. Enumerable.Range(0, 1203).Select(i => ReportStore.Treated($"p{i:0000}", 100 + i))]);

        var summary = (await Service(store).GetSummaryAsync(null, null, CancellationToken.None)).Summary;

        Assert.Equal(1203, summary!.Patients);
        Assert.Equal(1203, summary.Dfs.Subjects);
    }

    [Fact]
    public async Task GetSummaryAsync_AsOfAfterTheLatestRun_IsTheLatestRunDate()
    {
        using var store = new ReportStore();
        await store.SeedAsync([ReportStore.Treated("a", 100)]);

        var summary = (await Service(store).GetSummaryAsync(null, new DateOnly(2030, 1, 1), CancellationToken.None)).Summary;

        Assert.Equal(new DateOnly(2026, 6, 1), summary!.AsOf);
    }

    [Fact]
    public async Task GetSummaryAsync_RunAsOfNearMidnightUtc_IsDatedInTheSiteZone()
    {
        using var store = new ReportStore();
        // 23:30 UTC on 31 May is 01:30 on 1 June in Amsterdam (summer time).
        await store.SeedAsync([ReportStore.Treated("a", 100) with { AsOf = new DateTimeOffset(2026, 5, 31, 23, 30, 0, TimeSpan.Zero) }]);

        var summary = (await Service(store).GetSummaryAsync(null, null, CancellationToken.None)).Summary;

        Assert.Equal(new DateOnly(2026, 6, 1), summary!.AsOf);
    }

    [Fact]
    public async Task GetSummaryAsync_DeathOnAnUnknownDay_IsCountedAndReportedNotEstimable()
    {
        using var store = new ReportStore();
        await store.SeedAsync([
            ReportStore.Treated("a", 900, deathDay: 100) with { Survival = new Store.SurvivalDays(900, null, null) },
            ReportStore.Treated("b", 900)]);

        var summary = (await Service(store).GetSummaryAsync(null, null, CancellationToken.None)).Summary;

        Assert.Equal(1, summary!.Deaths);
        Assert.Equal(1, summary.Os.EventDayUnknown);
        Assert.Equal(1, summary.Os.Subjects);
        Assert.Equal(1.0, summary.Os.TwoYear!.Estimate);
    }
}
