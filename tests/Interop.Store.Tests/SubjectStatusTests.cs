namespace Interop.Store.Tests;

public sealed class SubjectStatusTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    internal static SubjectStatus Status(string ehr, string patient, string verdict, string? researchStatus = null) => new(
        ehr, patient, TestDatabase.Start.AddDays(-1), verdict, researchStatus, "high-risk", "day-8", "negative", null, "event-free", "alive",
        [new CriterionStatus("age-under-1", "met", ["Patient/" + patient]), new CriterionStatus("kmt2a", "unknown", [])],
        null, default);

    [Fact]
    public async Task ListSubjectEhrNamesAsync_TwoEhrs_ListsEachOnceInOrder()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.UpsertSubjectStatusesAsync(
            [Status("file", "p1", "eligible"), Status("ehr-b", "p1", "eligible"), Status("ehr-b", "p2", "ineligible")], Ct);

        Assert.Equal(["ehr-b", "file"], await db.Store.ListSubjectEhrNamesAsync(Ct));
    }

    [Fact]
    public async Task ListSubjectEhrNamesAsync_Empty_IsEmpty()
    {
        using var db = await TestDatabase.MigratedAsync();

        Assert.Empty(await db.Store.ListSubjectEhrNamesAsync(Ct));
    }

    [Fact]
    public async Task UpsertSubjectStatusesAsync_New_ReadsBackWithCriteriaAndUpdatedAt()
    {
        using var db = await TestDatabase.MigratedAsync();
        var status = Status("ehr-a", "p1", "eligible", "on-study");

        await db.Store.UpsertSubjectStatusesAsync([status], Ct);

        var read = await db.Store.GetSubjectStatusAsync("ehr-a", "p1", Ct);
        Assert.NotNull(read);
        Assert.Equal(status with { Criteria = read.Criteria, UpdatedAt = TestDatabase.Start }, read);
        Assert.Equal(["age-under-1", "kmt2a"], read.Criteria.Select(c => c.CriterionId));
        Assert.Equal(["Patient/p1"], read.Criteria[0].EvidenceIds);
    }

    [Fact]
    public async Task UpsertSubjectStatusesAsync_SurvivalCourseAndReasons_ReadBack()
    {
        using var db = await TestDatabase.MigratedAsync();
        var status = Status("ehr-a", "p1", "eligible", "follow-up") with
        {
            Criteria = [new CriterionStatus("eoi-marrow-m1-m2", "met", ["Observation/bm1"], "blasts 3% below 25%")],
            Survival = new SurvivalDays(FollowUpDays: 400, DfsEventDay: 200, OsEventDay: null),
            CourseInfusionDays = 28,
            RelapseSite = "cns",
        };

        await db.Store.UpsertSubjectStatusesAsync([status], Ct);

        var read = (await db.Store.GetSubjectStatusAsync("ehr-a", "p1", Ct))!;
        Assert.Equal(new SurvivalDays(400, 200, null), read.Survival);
        Assert.Equal((28, "cns"), (read.CourseInfusionDays, read.RelapseSite));
        Assert.Equal("blasts 3% below 25%", Assert.Single(read.Criteria).Reason);
    }

    [Fact]
    public async Task UpsertSubjectStatusesAsync_BeforeTheCourse_HasNoSurvival()
    {
        using var db = await TestDatabase.MigratedAsync();

        await db.Store.UpsertSubjectStatusesAsync([Status("ehr-a", "p1", "eligible")], Ct);

        var read = (await db.Store.GetSubjectStatusAsync("ehr-a", "p1", Ct))!;
        Assert.Null(read.Survival);
        Assert.Null(read.CourseInfusionDays);
    }

    [Fact]
    public async Task UpsertSubjectStatusesAsync_Existing_ReplacesIt()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.UpsertSubjectStatusesAsync([Status("ehr-a", "p1", "undetermined")], Ct);
        db.Time.Advance(TimeSpan.FromDays(1));
        var runId = Guid.NewGuid();

        await db.Store.UpsertSubjectStatusesAsync([Status("ehr-a", "p1", "ineligible") with { Criteria = [], RunId = runId }], Ct);

        var read = (await db.Store.GetSubjectStatusAsync("ehr-a", "p1", Ct))!;
        Assert.Equal(("ineligible", runId, TestDatabase.Start.AddDays(1)), (read.Verdict, read.RunId, read.UpdatedAt));
        Assert.Empty(read.Criteria);
    }

    [Fact]
    public async Task ListSubjectStatusesAsync_Filtered_PagesByPatient()
    {
        using var db = await TestDatabase.MigratedAsync();
        await db.Store.UpsertSubjectStatusesAsync(
        [
            Status("ehr-a", "p3", "eligible", "on-study"),
            Status("ehr-a", "p1", "eligible", "candidate"),
            Status("ehr-a", "p2", "ineligible"),
            Status("ehr-a", "p4", "eligible", "on-study"),
            Status("ehr-b", "p5", "eligible", "on-study"),
        ], Ct);

        var eligible = await db.Store.ListSubjectStatusesAsync(new SubjectStatusQuery("ehr-a", Verdict: "eligible", Take: 2), Ct);
        var onStudy = await db.Store.ListSubjectStatusesAsync(new SubjectStatusQuery(ResearchSubjectStatus: "on-study"), Ct);

        Assert.Equal(3, eligible.Total);
        Assert.Equal(["p1", "p3"], eligible.Items.Select(s => s.PatientId));
        Assert.Equal(["p3", "p4", "p5"], onStudy.Items.Select(s => s.PatientId));
    }

    [Fact]
    public async Task GetSubjectStatusAsync_Unknown_ReturnsNull()
    {
        using var db = await TestDatabase.MigratedAsync();

        Assert.Null(await db.Store.GetSubjectStatusAsync("ehr-a", "nobody", Ct));
    }
}
