using System.Globalization;
using Interop.Ehr.Rest;
using Microsoft.Extensions.Logging;

namespace Interop.Ehr.Bulk;

/// <summary>
/// One EHR's whole export: resume the saved job or kick off a new one, wait for the manifest, download the files not yet
/// staged (bounded parallel), read the error files. The job is saved in <see cref="IBulkExportStateStore"/> from kick-off
/// until <see cref="CompleteAsync"/>; a stop (cancellation) sends DELETE and forgets it when Bulk:CancelOnStop, a crash
/// leaves it for the next run. Obtain one per EHR from DI: <c>GetRequiredKeyedService&lt;BulkExporter&gt;(name)</c>.
/// </summary>
public sealed class BulkExporter
{
    private const string ExportFolder = "export";
    private const string ErrorFolder = "errors";

    private readonly BulkDataClient _client;
    private readonly BulkFileDownloader _downloader;
    private readonly IBulkExportStateStore _store;
    private readonly string _ehr;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal BulkExporter(BulkDataClient client, BulkFileDownloader downloader, IBulkExportStateStore store, string ehr, TimeProvider time, ILogger logger)
    {
        _client = client;
        _downloader = downloader;
        _store = store;
        _ehr = ehr;
        _time = time;
        _logger = logger;
    }

    /// <summary>The client underneath (support discovery for <c>check</c>).</summary>
    public BulkDataClient Client => _client;

    /// <summary>
    /// Exports into a job folder under <paramref name="stagingRoot"/> (kept across runs until <see cref="CompleteAsync"/>).
    /// Throws <see cref="FhirEhrException"/>s as the REST client does.
    /// </summary>
    public async Task<BulkExportResult> ExportAsync(BulkExportRequest request, string stagingRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(stagingRoot);
        var (state, manifest, resumed, forgotten) = await ResumeAsync(request, cancellationToken);
        try
        {
            if (state is null)
            {
                state = await KickOffAsync(request, stagingRoot, cancellationToken);
                manifest = await _client.WaitForManifestAsync(state.StatusUrl, cancellationToken);
            }

            var (downloaded, reused, fetched) = await DownloadAsync(state, manifest!, cancellationToken);
            var errors = new List<Interop.Fhir.Mapping.QuarantineEntry>();
            var informational = 0;
            foreach (var (kind, number, file) in manifest!.Files().Where(f => f.Kind == BulkFileKind.Error))
            {
                var (entries, info) = await BulkErrorFile.ReadAsync(Path.Combine(state.Folder, ErrorFolder, fetched[file.Url.AbsoluteUri]), cancellationToken);
                errors.AddRange(entries);
                informational += info;
            }

            return new BulkExportResult(
                Path.Combine(state.Folder, ExportFolder), manifest, errors, informational, state.SinceSent, state.TypesByRest, resumed, forgotten, downloaded, reused);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && state is not null && _client.Options.CancelOnStop)
        {
            await CancelAsync(state);
            throw;
        }
        catch (FhirServerException) when (state is not null)
        {
            // An error status on the status URL means the export failed (the IG): resuming it would fail again.
            await ForgetAsync(state, cancellationToken);
            throw;
        }
    }

    /// <summary>The run has read and recorded the export: forget the job and delete its staged files (patient data on disk).</summary>
    public async System.Threading.Tasks.Task CompleteAsync(BulkExportResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await _store.ClearAsync(_ehr, cancellationToken);
        DeleteFolder(Path.GetDirectoryName(result.Folder)!);
    }

    private async Task<(BulkExportState? State, BulkManifest? Manifest, bool Resumed, bool Forgotten)> ResumeAsync(BulkExportRequest request, CancellationToken cancellationToken)
    {
        var saved = await _store.LoadAsync(_ehr, cancellationToken);
        if (saved is null)
        {
            return (null, null, false, false);
        }

        if (!string.Equals(saved.Shape, request.Shape, StringComparison.Ordinal) || !Directory.Exists(saved.Folder))
        {
            // A job for other types (the rules changed) or whose files are gone: of no use; free it on the server.
            await CancelAsync(saved);
            return (null, null, false, false);
        }

        BulkLog.Resuming(_logger, _ehr, saved.Fetched.Count);
        try
        {
            return (saved, await _client.WaitForManifestAsync(saved.StatusUrl, cancellationToken), true, false);
        }
        catch (BulkJobGoneException)
        {
            BulkLog.JobForgotten(_logger, _ehr);
            await ForgetAsync(saved, cancellationToken);
            return (null, null, false, true);
        }
        catch (FhirServerException)
        {
            await ForgetAsync(saved, cancellationToken);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && _client.Options.CancelOnStop)
        {
            await CancelAsync(saved);
            throw;
        }
    }

    private async Task<BulkExportState> KickOffAsync(BulkExportRequest request, string stagingRoot, CancellationToken cancellationToken)
    {
        var support = await _client.DiscoverAsync(cancellationToken);
        if (!support.Supports(_client.Options.Level))
        {
            throw new FhirProtocolException("GET", "/metadata", $"The FHIR server's CapabilityStatement declares no $export at {_client.Options.Level} level (Bulk:Level); see the check command's report.", null);
        }

        var kickOff = await _client.KickOffAsync(request, support, cancellationToken);
        var now = _time.GetUtcNow();
        var folder = Path.Combine(Path.GetFullPath(stagingRoot), string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..8]}"));
        Directory.CreateDirectory(Path.Combine(folder, ExportFolder));
        Directory.CreateDirectory(Path.Combine(folder, ErrorFolder));
        var state = new BulkExportState(_ehr, kickOff.StatusUrl, folder, request.Shape, now, kickOff.SinceSent, kickOff.TypesByRest, new Dictionary<string, string>(StringComparer.Ordinal));
        await _store.SaveAsync(state, cancellationToken);
        return state;
    }

    private async Task<(int Downloaded, int Reused, Dictionary<string, string> Fetched)> DownloadAsync(BulkExportState state, BulkManifest manifest, CancellationToken cancellationToken)
    {
        var fetched = new Dictionary<string, string>(StringComparer.Ordinal);
        var todo = new List<(BulkFileKind Kind, int Number, BulkManifestFile File)>();
        foreach (var item in manifest.Files())
        {
            if (state.Fetched.TryGetValue(item.File.Url.AbsoluteUri, out var name) && File.Exists(Path.Combine(state.Folder, FolderOf(item.Kind), name)))
            {
                fetched[item.File.Url.AbsoluteUri] = name;
            }
            else
            {
                todo.Add(item);
            }
        }

        var reused = fetched.Count;
        var gate = new object();
        using var storeGate = new SemaphoreSlim(1, 1);
        await Parallel.ForEachAsync(
            todo,
            new ParallelOptions { MaxDegreeOfParallelism = _client.Options.MaxParallelDownloads, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var folder = Path.Combine(state.Folder, FolderOf(item.Kind));
                var name = await _downloader.DownloadAsync(item.Kind, item.Number, item.File, manifest.RequiresAccessToken, folder, ct);
                await storeGate.WaitAsync(ct);
                try
                {
                    await _store.MarkFetchedAsync(_ehr, item.File.Url, name, ct);
                }
                finally
                {
                    storeGate.Release();
                }

                lock (gate)
                {
                    fetched[item.File.Url.AbsoluteUri] = name;
                }
            });
        return (todo.Count, reused, fetched);
    }

    private async System.Threading.Tasks.Task CancelAsync(BulkExportState state)
    {
        // The run's token is cancelled: the DELETE gets its own short budget.
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _client.CancelAsync(state.StatusUrl, budget.Token);
        }
        catch (Exception ex) when (ex is FhirEhrException or OperationCanceledException)
        {
            BulkLog.CancelFailed(_logger, _ehr, ex.GetType().Name);
        }

        await _store.ClearAsync(_ehr, budget.Token);
        DeleteFolder(state.Folder);
    }

    private async System.Threading.Tasks.Task ForgetAsync(BulkExportState state, CancellationToken cancellationToken)
    {
        await _store.ClearAsync(_ehr, cancellationToken);
        DeleteFolder(state.Folder);
    }

    private static string FolderOf(BulkFileKind kind) => kind == BulkFileKind.Error ? ErrorFolder : ExportFolder;

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
