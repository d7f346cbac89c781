using System.Diagnostics;
using Interop.SyntheticCohort;

namespace Interop.Testing.Faults;

/// <summary>A fault scenario: the proxy's plan for every run, and optionally a child killed at its k-th committed transaction.</summary>
public sealed record FaultScenario(string Name, FaultPlan Plan, int? KillAtCommit = null);

/// <summary>One phase of a scenario: the runs it took to settle and the census against the reference.</summary>
public sealed record FaultPhaseResult(IReadOnlyList<WorkerRun> Runs, CensusComparison Comparison)
{
    /// <summary>True when the last run left no patient failed or parked.</summary>
    public bool Settled => Runs.Count > 0 && Runs[^1].Report is { PatientsFailed: 0, PatientsParked: 0 };
}

/// <summary>What a scenario did: per phase, runs and census; faults injected, requests through the proxy, kills, wall time.</summary>
public sealed record FaultScenarioResult(
    FaultScenario Scenario, IReadOnlyList<FaultPhaseResult> Phases, IReadOnlyDictionary<FaultKind, int> Faults, int Requests, TimeSpan Elapsed)
{
    /// <summary>Every phase settled and matched the reference.</summary>
    public bool Clean => Phases.All(p => p.Settled && p.Comparison.Clean);
}

/// <summary>
/// The fault suite (issue 10 item 7): the real CLI, in child processes, against the local FHIR server through a
/// <see cref="FaultProxy"/>, in two phases (a first sync; then, after every Patient is touched, a sync as of a later date,
/// which changes content), each synced until nothing is left failed; after each phase the server is counted and set
/// against a fault-free reference that took the same steps: outcomes per identifier, versions, Provenances, ledger.
/// </summary>
public static class FaultSuite
{
    /// <summary>The as-of date of each phase (the second changes every eligibility outcome's date: one real change each).</summary>
    public static IReadOnlyList<string> PhaseAsOf { get; } = ["2026-06-01", "2026-09-01"];

    /// <summary>The fault-free reference: the census after each phase.</summary>
    public static async Task<IReadOnlyList<ServerCensus>> ReferenceAsync(CohortSpec spec, CancellationToken cancellationToken = default)
    {
        await using var rig = await FaultRig.StartAsync(spec, cancellationToken);
        var censuses = new List<ServerCensus>();
        for (var phase = 0; phase < PhaseAsOf.Count; phase++)
        {
            if (phase > 0)
            {
                await rig.TouchPatientsAsync(cancellationToken);
            }

            var runs = await rig.SettleAsync(PhaseAsOf[phase], FaultPlan.None, maxRuns: 1);
            if (runs[^1].Report is not { PatientsFailed: 0 })
            {
                throw new InvalidOperationException($"The reference run did not complete (exit {runs[^1].ExitCode}): {runs[^1].Error}");
            }

            censuses.Add(await rig.CensusAsync(cancellationToken));
        }

        return censuses;
    }

    /// <summary>
    /// Runs <paramref name="scenario"/> on a fresh rig for the first <paramref name="phases"/> phases, each synced until settled
    /// (at most <paramref name="maxRunsPerPhase"/> runs).
    /// </summary>
    public static async Task<FaultScenarioResult> RunAsync(
        CohortSpec spec, IReadOnlyList<ServerCensus> reference, FaultScenario scenario, int maxRunsPerPhase, int phases = 2, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(scenario);
        var watch = Stopwatch.StartNew();
        await using var rig = await FaultRig.StartAsync(spec, cancellationToken);
        var results = new List<FaultPhaseResult>();
        for (var phase = 0; phase < Math.Min(phases, PhaseAsOf.Count); phase++)
        {
            if (phase > 0)
            {
                await rig.TouchPatientsAsync(cancellationToken);
            }

            var runs = new List<WorkerRun>();
            if (phase == 0 && scenario.KillAtCommit is { } k)
            {
                runs.Add(await rig.SyncAsync(PhaseAsOf[phase], scenario.Plan, killAtCommit: k));
            }

            runs.AddRange(await rig.SettleAsync(PhaseAsOf[phase], scenario.Plan, maxRunsPerPhase));
            results.Add(new FaultPhaseResult(runs, CensusComparison.Of(reference[phase], await rig.CensusAsync(cancellationToken))));
        }

        return new FaultScenarioResult(scenario, results, rig.Proxy.Faults, rig.Proxy.Requests, watch.Elapsed);
    }

    /// <summary>The scenarios of issue 10: post-commit drops at 15 % and 50 %, transport faults, and a child killed mid-transaction.</summary>
    public static IReadOnlyList<FaultScenario> Standard(int killAtCommit) =>
    [
        new("commit-then-drop 15%", new FaultPlan { CommitThenDrop = 0.15, Seed = 15 }),
        new("commit-then-drop 50%", new FaultPlan { CommitThenDrop = 0.50, Seed = 50 }),
        new("429/503/reset/slow", new FaultPlan { TooManyRequests = 0.03, Unavailable = 0.03, Reset = 0.03, Slow = 0.03, Seed = 3 }),
        new("killed mid-transaction, then 15% drops", new FaultPlan { CommitThenDrop = 0.15, Seed = 7 }, KillAtCommit: killAtCommit),
    ];
}
