using Interop.Client.Contracts;
using Interop.Worker.Report;

namespace Interop.Worker.Tests.Api;

/// <summary>
/// A fixed summary; nothing recorded before <see cref="FirstRecorded"/>; <see cref="Failing"/> throws with patient-like
/// text; targets <see cref="Targets"/>: <see cref="Ambiguous"/> stands for "several recorded, none named".
/// </summary>
internal sealed class FakeTrialSummarySource : ITrialSummarySource
{
    public static readonly DateOnly FirstRecorded = new(2026, 1, 1);
    public static readonly DateOnly Failing = new(2026, 6, 6);
    public const string SecretInException = "Patient Jane Doe born 2025-01-02";

    public static readonly DateOnly Ambiguous = new(2026, 7, 7);
    public static readonly IReadOnlyList<string> Targets = ["file", "hospital-a"];

    public static TrialSummary Summary(DateOnly asOf, string target = "file") => new()
    {
        AsOf = asOf,
        Target = target,
        SurvivalPopulation = new SurvivalPopulationCounts(30, 30, 30, 0, 0),
        Patients = 30,
        Eligible = 30,
        Ineligible = 0,
        Undetermined = 0,
        IneligibleReasons = [],
        UndeterminedReasons = [new ReasonCount("eoi-marrow-m1-m2", 0)],
        MrdAfterBlinatumomab = new MrdCounts(16, 12, 2),
        Relapses = 4,
        RelapsesWithCns = 4,
        RelapsesBySite = new Dictionary<string, int> { ["cns"] = 2, ["combined"] = 2 },
        Deaths = 2,
        PrimaryEndpointEvents = 0,
        Dfs = new SurvivalEstimates(new SurvivalEstimate(0.816, 0.61, 0.92), null),
        Os = new SurvivalEstimates(new SurvivalEstimate(0.933, 0.76, 0.98), null),
        HistoricalControl = new HistoricalControl(0.494, 0.658),
    };

    public Task<TrialSummaryAnswer> GetSummaryAsync(string? target, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var date = asOf ?? new DateOnly(2026, 3, 1);
        if (date == Failing)
        {
            throw new InvalidOperationException(SecretInException);
        }

        var answer = date < FirstRecorded ? new TrialSummaryAnswer(CohortTargetStatus.NothingRecorded, null, [])
            : target is null && date == Ambiguous ? new TrialSummaryAnswer(CohortTargetStatus.TargetRequired, null, Targets)
            : target is not null && !Targets.Contains(target) ? new TrialSummaryAnswer(CohortTargetStatus.UnknownTarget, null, Targets)
            : new TrialSummaryAnswer(CohortTargetStatus.Reported, Summary(date, target ?? "file"), Targets);
        return Task.FromResult(answer);
    }
}
