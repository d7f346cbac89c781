using System.CommandLine;
using Interop.Ehr.Rest;
using Interop.Store;
using Interop.Worker.Configuration;
using Interop.Sync;
using Interop.Sync.Lease;
using Interop.Sync.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Cli;

/// <summary>
/// <c>sync --once --source &lt;FHIR base URL&gt;</c>: a live sync against a configured (or loopback) EHR. Outcomes go
/// back to the EHR; <c>run-report.json</c> goes to <c>--out</c> (default <c>Interop:OutputFolder</c>), in a dry run too.
/// Exit codes: 0 all processed; 3 some input quarantined or some patient failed (queued and retried next run); 4 no candidate;
/// 2 bad usage or configuration; 1 the EHR cannot take the write-back, another sync holds the lease (or took it over), or anything else.
/// </summary>
internal static class LiveSyncVerb
{
    public static async Task<int> RunAsync(
        IHost host, ParseResult parsed, SyncCommand sync, Uri url, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var services = host.Services;
        var target = EhrTarget.Resolve(url, services);
        var asOfText = parsed.GetValue(sync.AsOf);
        if (!HostRun.TryAsOf(host, asOfText, out var asOf))
        {
            await error.WriteLineAsync(HostRun.AsOfError(asOfText));
            return ExitCodes.Usage;
        }

        var settings = services.GetRequiredService<IOptions<InteropOptions>>().Value;
        var siteMaps = parsed.GetValue(sync.SiteMap) is { Length: > 0 } fromCli ? fromCli : settings.SiteMaps.ToArray();
        var reportPath = Path.Combine(parsed.GetValue(sync.Out) ?? settings.OutputFolder, FileSyncRunner.ReportFileName);
        var request = LiveSyncRequests.For(services, target.Name, siteMaps, parsed.GetValue(sync.DryRun));

        await services.GetRequiredService<StateStore>().MigrateAsync(cancellationToken);
        RunReport report;
        try
        {
            report = await services.GetRequiredService<LiveSyncRunner>().RunAsync(request, asOf, cancellationToken);
        }
        catch (EhrCapabilityException ex)
        {
            await error.WriteLineAsync($"error: EHR '{target.Name}' refuses to write: {ex.Message} Run 'check --source {EhrBaseUrl.Display(target.BaseUrl)}' for the full go-live report.");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is LiveSyncLeaseException or RunLeaseLostException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failure;
        }

        await RunReportWriter.WriteAsync(report, reportPath, cancellationToken);
        RunSummaryWriter.Write(report, output, reportPath);
        return await NothingToEvaluate.ExitCodeAsync(report, error);
    }
}
