using Interop.Ehr.Rest;
using System.CommandLine;
using Interop.Worker.Check;
using Interop.Worker.Configuration;
using Interop.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Interop.Worker.Cli;

/// <summary>
/// <c>check --source &lt;url&gt; [--format text|json]</c>. Exit 0 when no check failed (a sync can run), 1 when one
/// did, 2 for bad usage or configuration (an unconfigured non-loopback URL among them).
/// </summary>
internal static class CheckVerb
{
    public static async Task<int> RunAsync(
        ParseResult parsed, CheckCommand check, TextWriter output, TextWriter error, HostCustomization? customize, CancellationToken cancellationToken)
    {
        if (!EhrBaseUrl.TryParse(parsed.GetValue(check.Source), out var url))
        {
            await error.WriteLineAsync("error: --source must be the EHR's http(s) FHIR base URL.");
            return ExitCodes.Usage;
        }

        var json = string.Equals(parsed.GetValue(check.Format), "json", StringComparison.Ordinal);
        return await HostRun.GuardedAsync(
            url,
            error,
            customize,
            async host =>
            {
                var target = EhrTarget.Resolve(url, host.Services);
                var runner = new GoLiveCheck(
                    host.Services,
                    host.Services.GetRequiredService<TimeProvider>(),
                    host.Services.GetRequiredService<ILogger<GoLiveCheck>>());
                var report = await runner.RunAsync(target, cancellationToken);
                if (json)
                {
                    await GoLiveReportWriter.WriteJsonAsync(report, output, cancellationToken);
                }
                else
                {
                    await GoLiveReportWriter.WriteTextAsync(report, output, cancellationToken);
                }

                return report.CanSync ? ExitCodes.Success : ExitCodes.Failure;
            },
            cancellationToken);
    }
}
