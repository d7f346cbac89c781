using Interop.Ehr.Rest;
using Interop.Worker.Configuration;
using Interop.Sync;
using Interop.Sync.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Serve;

/// <summary>
/// One sync of a target as of now (in the site's zone), as <c>sync --once</c> would run it with the configured settings:
/// <c>file</c> reads <c>Interop:Source</c> and writes <c>Interop:OutputFolder</c>; an EHR is synced live and written back.
/// Either way the run report goes to <c>&lt;Interop:OutputFolder&gt;/run-report.json</c> (with several EHRs: the latest run's).
/// </summary>
internal sealed class SyncJob(IServiceProvider services, TimeProvider time, IOptions<InteropOptions> interopOptions) : ISyncJob, IDisposable
{
    // Two EHRs finishing together would otherwise write the same temporary report file at once.
    private readonly SemaphoreSlim _reportWrite = new(1, 1);

    public async Task<RunReport> RunAsync(string target, CancellationToken cancellationToken)
    {
        var settings = interopOptions.Value;
        var asOf = AsOfParser.InZone(time.GetUtcNow(), settings.TimeZone());
        if (SyncTargets.IsFile(target))
        {
            // FileSyncRunner writes the run report itself beside the outcomes.
            var request = new SyncRequest(settings.Source, settings.OutputFolder, AsOf: null, settings.SiteMaps, DryRun: false);
            return await services.GetRequiredService<FileSyncRunner>().RunAsync(request, asOf, cancellationToken);
        }

        var live = LiveSyncRequests.For(services, target, [.. settings.SiteMaps], dryRun: false);
        var report = await services.GetRequiredService<LiveSyncRunner>().RunAsync(live, asOf, cancellationToken);
        await _reportWrite.WaitAsync(CancellationToken.None);
        try
        {
            await RunReportWriter.WriteAsync(report, Path.Combine(settings.OutputFolder, FileSyncRunner.ReportFileName), CancellationToken.None);
        }
        finally
        {
            _reportWrite.Release();
        }

        return report;
    }

    public void Dispose() => _reportWrite.Dispose();
}
