using Interop.Benchmark;

// Parent: generate exports, then measure each mode in a fresh child process so that peak memory
// is per run. Child: "--measure <mode> <folder>" runs one measurement and prints its figures.
if (args.Length >= 3 && args[0] == "--measure")
{
    return await Measurement.RunChildAsync(args[1], args[2], args.Skip(3).ToArray());
}

return await BenchmarkRunner.RunAsync(args);
