using Interop.SyntheticCohort;

return await Cli.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
