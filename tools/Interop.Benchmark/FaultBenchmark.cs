using System.Globalization;
using Interop.SyntheticCohort;
using Interop.Testing.Faults;

namespace Interop.Benchmark;

/// <summary>
/// "--faults": the fault suite of issue 10 at scale (tests/Interop.Testing/Faults): the real CLI in child processes
/// against the local FHIR server through the fault proxy, each scenario against a fault-free reference that took the same
/// steps, printing per scenario what the server holds beyond or short of the reference.
/// </summary>
internal static class FaultBenchmark
{
    public const string Mode = "--faults";

    public static async Task<int> RunAsync(string[] args)
    {
        var candidates = ArgValue(args, "--candidates", 550);
        var killAt = ArgValue(args, "--kill-at", 100);
        var maxRuns = ArgValue(args, "--max-runs", 6);
        var spec = new CohortSpec(Seed: 11, ExtraCandidates: candidates, NonCandidatePatients: 0, NoiseResourcesPerPatient: 2);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"fault suite: generated cohort of {52 + candidates:N0} trial patients ({spec}); CLI child processes through the fault proxy on 127.0.0.1"));
        Console.WriteLine($"phases: (1) first sync as of {FaultSuite.PhaseAsOf[0]}; (2) every Patient touched, sync as of {FaultSuite.PhaseAsOf[1]} (a real change of every eligibility outcome)");
        Console.WriteLine(string.Create(c, $"each phase synced until no patient is left failed (at most {maxRuns} runs)"));

        var reference = await FaultSuite.ReferenceAsync(spec);
        for (var phase = 0; phase < reference.Count; phase++)
        {
            var census = reference[phase];
            Console.WriteLine(string.Create(c,
                $"reference, no faults, phase {phase + 1}: {census.Outcomes.Count:N0} outcomes, {census.Outcomes.Values.Sum(v => v[0].Version):N0} outcome versions, {census.Provenances:N0} Provenances"));
        }

        Console.WriteLine();
        Console.WriteLine("scenario                                   phase  runs  lost  duplicated  content-differs  extra-versions  extra-Provenances  ledger-mismatches  faults injected (whole scenario)");
        var clean = true;
        foreach (var scenario in FaultSuite.Standard(killAt))
        {
            var result = await FaultSuite.RunAsync(spec, reference, scenario, maxRuns);
            clean &= result.Clean;
            foreach (var (phase, index) in result.Phases.Select((p, i) => (p, i)))
            {
                var x = phase.Comparison;
                var runs = string.Create(c, $"{phase.Runs.Count}{(phase.Runs.Any(r => r.Killed) ? " (1 killed)" : string.Empty)}{(phase.Settled ? string.Empty : " UNSETTLED")}");
                var faults = index == 0 ? string.Join(", ", result.Faults.OrderBy(f => f.Key).Select(f => string.Create(c, $"{f.Key} {f.Value}"))) : string.Empty;
                Console.WriteLine(string.Create(c,
                    $"{(index == 0 ? scenario.Name : string.Empty),-42} {index + 1,5}  {runs,-4}  {x.Lost,4}  {x.Duplicated,10}  {x.ContentDiffers,15}  {x.ExtraVersions,14}  {x.ExtraProvenances,17}  {x.LedgerMismatches,17}  {faults}"));
            }

            Console.WriteLine(string.Create(c, $"{string.Empty,-42}        {result.Requests:N0} requests through the proxy, {result.Elapsed.TotalMinutes:F1} min"));
        }

        Console.WriteLine();
        Console.WriteLine(clean
            ? "every scenario: 0 lost, 0 duplicated, 0 extra versions, 0 extra Provenances, ledger in step (target met)"
            : "TARGET NOT MET: see the rows above");
        return clean ? 0 : 1;
    }

    private static int ArgValue(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
