using Interop.Store;

namespace Interop.Worker.Tests.Api;

/// <summary>Subjects on <c>epic</c> (six) and <c>file</c> (two), one patient id on both.</summary>
internal static class SeedSubjects
{
    public static readonly DateTimeOffset AsOf = new(2026, 3, 1, 23, 59, 59, TimeSpan.Zero);

    public static readonly string[] CriterionIds =
    [
        "age-at-diagnosis", "age-at-blinatumomab-start", "newly-diagnosed-bcp-all", "cd19-positive",
        "kmt2a-rearranged", "induction-given", "eoi-marrow-m1-m2",
    ];

    public const string KmtReason = "KMT2A germline (not rearranged)";
    public const string MarrowReason = "No bone-marrow blast percentage in the end-of-induction window";

    public static IReadOnlyList<SubjectStatus> All(Guid runId) =>
    [
        Subject("epic", "p-eligible", "eligible", "eligible", runId),
        Subject("epic", "p-ineligible", "ineligible", "ineligible", runId, ("kmt2a-rearranged", "not-met", KmtReason)),
        Subject("epic", "p-undetermined", "undetermined", "screening", runId,
            ("eoi-marrow-m1-m2", "unknown", MarrowReason), ("cd19-positive", "unknown", "No CD19 result")),
        Subject("epic", "p-onstudy", "eligible", "on-study-intervention", runId) with
        {
            RiskGroup = "HR", CourseState = "in-progress", CourseInfusionDays = 12,
        },
        Subject("epic", "p-followup", "eligible", "follow-up", runId) with
        {
            RiskGroup = "MR", CourseState = "completed", CourseInfusionDays = 28, MrdClass = "negative",
            PrimaryEndpoint = "no-event", DfsStatus = "event-free", OsStatus = "alive", Survival = new SurvivalDays(400, null, null),
        },
        Subject("epic", "p-shared", "eligible", "eligible", runId),
        Subject("file", "p-shared", "ineligible", "ineligible", runId, ("cd19-positive", "not-met", "CD19-negative blasts")),
        Subject("file", "p-file-only", "undetermined", "screening", runId, ("induction-given", "unknown", "No induction drug recorded")),
    ];

    private static SubjectStatus Subject(string ehr, string patient, string verdict, string status, Guid runId, params (string Id, string Status, string Reason)[] exceptions) =>
        new(ehr, patient, AsOf, verdict, status, null, "not-started", null, null, null, null,
            [.. CriterionIds.Select(id => exceptions.FirstOrDefault(e => e.Id == id) is { Id: not null } e
                ? new CriterionStatus(id, e.Status, [], e.Reason)
                : new CriterionStatus(id, "met", ["Patient/" + patient], "Met"))],
            runId, default);
}
