using Interop.Ehr.Bulk;
using Interop.Store;

namespace Interop.Sync.Bulk;

/// <summary>The Bulk Data exporter's job state in the state store (tables BulkExportJob and BulkExportFile).</summary>
internal sealed class StoreBulkExportState(StateStore store) : IBulkExportStateStore
{
    public async Task<BulkExportState?> LoadAsync(string ehr, CancellationToken cancellationToken) =>
        await store.GetBulkExportJobAsync(ehr, cancellationToken) is { } job
            ? new BulkExportState(job.EhrName, job.StatusUrl, job.Folder, job.Shape, job.KickedOffAt, job.SinceSent, job.TypesByRest, job.Fetched)
            : null;

    public Task SaveAsync(BulkExportState state, CancellationToken cancellationToken) =>
        store.SaveBulkExportJobAsync(
            new BulkExportJob(state.Ehr, state.StatusUrl, state.Folder, state.Shape, state.KickedOffAt, state.SinceSent, state.TypesByRest, state.Fetched),
            cancellationToken);

    public Task MarkFetchedAsync(string ehr, Uri url, string fileName, CancellationToken cancellationToken) =>
        store.MarkBulkExportFileFetchedAsync(ehr, url, fileName, cancellationToken);

    public Task ClearAsync(string ehr, CancellationToken cancellationToken) => store.ClearBulkExportJobAsync(ehr, cancellationToken);
}
