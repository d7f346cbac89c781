using Interop.Worker.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await InteropCli.RunAsync(args, Console.Out, Console.Error, customize: null, cancellation.Token);
