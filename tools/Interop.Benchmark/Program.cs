using Interop.Benchmark;

// Parent: generate exports, then measure each mode in a fresh child process so that peak memory
// is per run. Child: "--measure <mode> <folder>" runs one measurement and prints its figures.
if (args.Length >= 3 && args[0] == "--measure")
{
    return await Measurement.RunChildAsync(args[1], args[2], args.Skip(3).ToArray());
}

// "--validation [--candidates N]": only the profile-validation cost per resource (also printed by the full run).
if (args.Length >= 1 && args[0] == ValidationCost.Mode)
{
    return await ValidationCost.RunAsync(args, BenchmarkRunner.SiteMap());
}

// "--live": live sync against the local FHIR server (first sync, unchanged reruns) beside the naive per-patient way.
if (args.Length >= 5 && args[0] == LiveBenchmark.ChildMode)
{
    return await LiveBenchmark.RunChildAsync(args);
}

// "--faults": the fault suite at scale (issue 10): commit-then-drop, transport faults, a killed child; figures against a fault-free reference.
if (args.Length >= 1 && args[0] == FaultBenchmark.Mode)
{
    return await FaultBenchmark.RunAsync(args);
}

if (args.Length >= 1 && args[0] == LiveBenchmark.Mode)
{
    return await LiveBenchmark.RunAsync(args);
}

return await BenchmarkRunner.RunAsync(args);
