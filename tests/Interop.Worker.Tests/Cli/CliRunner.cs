using Interop.Worker.Cli;
using Interop.Worker.Configuration;
using Microsoft.Extensions.Configuration;

namespace Interop.Worker.Tests.Cli;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(string[] args, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var customize = new HostCustomization(
            Configure: settings is null ? null : c => c.AddInMemoryCollection(settings),
            TimeProvider: time);
        var code = await InteropCli.RunAsync(args, output, error, customize, CancellationToken.None);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error);
