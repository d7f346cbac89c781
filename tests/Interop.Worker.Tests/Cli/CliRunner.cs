using Interop.Testing;
using Interop.Worker.Cli;
using Interop.Worker.Configuration;
using Microsoft.Extensions.Configuration;

namespace Interop.Worker.Tests.Cli;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal static class CliRunner
{
    /// <summary>Runs the CLI; unless <paramref name="settings"/> names a state store, the run gets a throwaway SQLite one.</summary>
    public static async Task<CliResult> RunAsync(string[] args, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var scratch = new TempFolder();
        var effective = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        effective.TryAdd("Store:ConnectionString", $"Data Source={scratch.Combine("state.db")};Pooling=False");
        var customize = new HostCustomization(
            Configure: c => c.AddInMemoryCollection(effective),
            TimeProvider: time);
        var code = await InteropCli.RunAsync(args, output, error, customize, CancellationToken.None);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error);
