using Interop.Client.Contracts;
using Interop.Worker.Report;

namespace Interop.Worker.Tests.Api;

/// <summary>A fixed summary; nothing recorded before <see cref="FirstRecorded"/>; <see cref="Failing"/> throws with patient-like text.</summary>
internal sealed class FakeTrialSummarySource : ITrialSummarySource
{
    public static readonly DateOnly FirstRecorded = new(2026, 1, 1);
    public static readonly DateOnly Failing = new(2026, 6, 6);
    public const string SecretInException = "Patient Jane Doe born 2025-01-02";

    public static TrialSummary Summary(DateOnly asOf) => new()
    {
        AsOf = asOf,
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

    public Task<TrialSummary?> GetSummaryAsync(DateOnly? asOf, CancellationToken cancellationToken)
    {
        var date = asOf ?? new DateOnly(2026, 3, 1);
        if (date == Failing)
        {
            throw new InvalidOperationException(SecretInException);
        }

        return Task.FromResult(date < FirstRecorded ? null : Summary(date));
    }
}
