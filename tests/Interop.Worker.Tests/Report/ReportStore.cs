using Interop.Store;
using Interop.Testing;

namespace Interop.Worker.Tests.Report;

/// <summary>A SQLite state store in a temp folder, seeded with subject statuses, and the settings that point the CLI at it.</summary>
internal sealed class ReportStore : IDisposable
{
    /// <summary>The run's as-of: 2026-06-01 in the site zone (Europe/Amsterdam).</summary>
    public static readonly DateTimeOffset RunAsOf = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public ReportStore()
    {
        Settings = new Dictionary<string, string?> { ["Store:ConnectionString"] = $"Data Source={_folder.Combine("state.db")}" };
        Store = StateStore.Create(new StoreOptions { ConnectionString = Settings["Store:ConnectionString"] });
    }

    public Dictionary<string, string?> Settings { get; }

    public StateStore Store { get; }

    public string Combine(string name) => _folder.Combine(name);

    public async Task SeedAsync(IReadOnlyCollection<SubjectStatus> statuses)
    {
        await Store.MigrateAsync(CancellationToken.None);
        await Store.UpsertSubjectStatusesAsync(statuses, CancellationToken.None);
    }

    /// <summary>A treated, eligible subject: follow-up to the run's as-of, and the day of each event (null when none).</summary>
    public static SubjectStatus Treated(
        string id, int followUp, int? relapseDay = null, int? deathDay = null, string? site = null, string mrd = "negative", int? deathDfsDay = null) =>
        new(
            "file", id, RunAsOf, "eligible", deathDay is null ? "follow-up" : "off-study", "HR", "completed", mrd, "no-event",
            DfsStatus: relapseDay is not null ? "relapse" : deathDay is not null ? "death" : "event-free",
            OsStatus: deathDay is not null ? "deceased" : "alive",
            Criteria: [new CriterionStatus("age-at-diagnosis", "met", ["Patient/" + id])],
            RunId: null,
            UpdatedAt: default,
            Survival: new SurvivalDays(followUp, relapseDay ?? deathDfsDay ?? deathDay, deathDay),
            CourseInfusionDays: 28,
            RelapseSite: relapseDay is not null ? site : null);

    /// <summary>A screened patient who is not eligible (not treated).</summary>
    public static SubjectStatus Screened(string id, string verdict, string criterion, string status) =>
        new("file", id, RunAsOf, verdict, verdict, null, "not-started", null, null, null, null,
            [new CriterionStatus(criterion, status, [])], null, default);

    /// <summary>
    /// The synthetic 30-patient cohort of the domain tests (docs/trial-rules.md counts; 2-year DFS 81.6%, OS 93.3%), as stored
    /// statuses: each patient's follow-up to the run equals their censoring time, so the run is the data cut-off.
    /// </summary>
    public static List<SubjectStatus> PublishedCohort()
    {
        var statuses = new List<SubjectStatus>();
        string Mrd() => statuses.Count < 16 ? "negative" : statuses.Count < 28 ? "low-positive" : "high-positive";
        void Censored(params int[] days)
        {
            foreach (var day in days)
            {
                statuses.Add(Treated($"p{statuses.Count:00}", day, mrd: Mrd()));
            }
        }

        Censored(119, 150, 180, 210, 240, 270, 300, 330);
        statuses.Add(Treated("r1", 1000, relapseDay: 360, site: "cns", mrd: Mrd()));
        statuses.Add(Treated("r2", 1000, relapseDay: 400, deathDay: 650, site: "cns", mrd: Mrd()));
        statuses.Add(Treated("r3", 900, relapseDay: 450, site: "combined", mrd: Mrd()));
        Censored(480);
        statuses.Add(Treated("r4", 1200, relapseDay: 500, site: "cns", mrd: Mrd()));
        Censored(520, 560, 580, 600, 620, 640, 700, 760, 800, 870, 950, 1100, 1300, 1400, 1461, 1467, 1467);
        return statuses;
    }

    public void Dispose() => _folder.Dispose();
}
