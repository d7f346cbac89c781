using System.CommandLine;
using Interop.Worker.Configuration;
using Interop.Worker.Sync;
using Microsoft.Extensions.Hosting;

namespace Interop.Worker.Cli;

/// <summary><c>sync --once --source &lt;FHIR base URL&gt;</c>: a live sync against a configured (or loopback) EHR.</summary>
internal static class LiveSyncVerb
{
    public static async Task<int> RunAsync(
        IHost host, ParseResult parsed, SyncCommand sync, Uri url, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var target = EhrTarget.Resolve(url, host.Services);
        var asOfText = parsed.GetValue(sync.AsOf);
        if (!HostRun.TryAsOf(host, asOfText, out _))
        {
            await error.WriteLineAsync(HostRun.AsOfError(asOfText));
            return ExitCodes.Usage;
        }

        // Wired to LiveSyncRunner once it lands (src/Interop.Worker/Sync/Live).
        await output.FlushAsync(cancellationToken);
        await error.WriteLineAsync($"error: live sync against EHR '{target.Name}' is not available in this build yet.");
        return ExitCodes.Failure;
    }
}
