using Interop.SyntheticCohort;
using Interop.Testing.Faults;

namespace Interop.Worker.Tests.Faults;

/// <summary>The fault-free reference of <see cref="FaultSuiteTests"/>: computed once for the class.</summary>
public sealed class FaultReference : IAsyncLifetime
{
    /// <summary>The named scenarios and a few patients with nothing relevant: tens of patients, small enough for CI.</summary>
    public static readonly CohortSpec Cohort = new(Seed: 5, ExtraCandidates: 0, NonCandidatePatients: 5, NoiseResourcesPerPatient: 2);

    public IReadOnlyList<ServerCensus> Phases { get; private set; } = [];

    public async Task InitializeAsync() => Phases = await FaultSuite.ReferenceAsync(Cohort);

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// The fault suite (issue 10 item 7): the real CLI, in child processes, against the local FHIR server through a fault
/// proxy; after each phase, the server must hold exactly what a fault-free run leaves: no outcome lost or duplicated, no
/// version or Provenance beyond one per real change, the ledger in step with the server.
/// </summary>
public sealed class FaultSuiteTests(FaultReference reference, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<FaultReference>
{
    private const int MaxRunsPerPhase = 4;

    [Fact]
    public async Task HalfOfTransactionsCommittedThenDropped_EveryPhase_MatchesTheFaultFreeReference()
    {
        var result = await FaultSuite.RunAsync(FaultReference.Cohort, reference.Phases, new("commit-then-drop 50%", new FaultPlan { CommitThenDrop = 0.5, Seed = 50 }), MaxRunsPerPhase);

        AssertClean(result);
        Assert.True(result.Faults.GetValueOrDefault(FaultKind.CommitThenDrop) >= 10, $"only {result.Faults.GetValueOrDefault(FaultKind.CommitThenDrop)} answers dropped");
    }

    [Fact]
    public async Task ThrottledUnavailableResetAndSlowAnswers_EveryPhase_MatchesTheFaultFreeReference()
    {
        var plan = new FaultPlan { TooManyRequests = 0.04, Unavailable = 0.04, Reset = 0.04, Slow = 0.04, CommitThenDrop = 0.15, Seed = 4 };

        var result = await FaultSuite.RunAsync(FaultReference.Cohort, reference.Phases, new("429/503/reset/slow + 15% drops", plan), MaxRunsPerPhase, phases: 1);

        AssertClean(result);
        Assert.All(new[] { FaultKind.TooManyRequests, FaultKind.Unavailable, FaultKind.Reset, FaultKind.Slow }, kind => Assert.True(result.Faults.GetValueOrDefault(kind) > 0, $"no {kind} injected"));
    }

    [Fact]
    public async Task ChildKilledWhileItsTransactionCommitted_NextRuns_MatchTheFaultFreeReference()
    {
        var result = await FaultSuite.RunAsync(FaultReference.Cohort, reference.Phases, new("killed mid-transaction", FaultPlan.None, KillAtCommit: 7), MaxRunsPerPhase, phases: 1);

        Assert.True(result.Phases[0].Runs[0].Killed);
        AssertClean(result);
    }

    private void AssertClean(FaultScenarioResult result)
    {
        output.WriteLine($"{result.Scenario.Name}: {result.Elapsed}, requests {result.Requests}, faults {string.Join(", ", result.Faults.Select(f => $"{f.Key} {f.Value}"))}");
        foreach (var phase in result.Phases)
        {
            output.WriteLine("  runs: " + string.Join(", ", phase.Runs.Select(r => $"{r.Elapsed.TotalSeconds:F1}s exit {r.ExitCode} failed {r.Report?.PatientsFailed} requests {r.Report?.RequestsMade}")) + $"  {phase.Comparison}");
        }

        foreach (var (phase, index) in result.Phases.Select((p, i) => (p, i)))
        {
            Assert.True(phase.Settled, $"phase {index + 1} did not settle in {phase.Runs.Count} runs: {string.Join("; ", phase.Runs.Select(r => $"exit {r.ExitCode} failed {r.Report?.PatientsFailed}"))}\n{phase.Runs[^1].Error}");
            var c = phase.Comparison;
            Assert.True(c.Clean, $"phase {index + 1}: {c}");
            Assert.True(c.Outcomes > 50 && c.Provenances > 10, $"phase {index + 1} reference too small: {c}");
        }
    }
}
