using System.Collections.Concurrent;
using Interop.Ehr.Bulk;

namespace Interop.Ehr.Tests.Bulk;

/// <summary>The export job store in memory (the state store's EF implementation is tested in Interop.Store.Tests).</summary>
internal sealed class InMemoryBulkExportStateStore : IBulkExportStateStore
{
    private readonly ConcurrentDictionary<string, BulkExportState> _jobs = new(StringComparer.Ordinal);

    public Task<BulkExportState?> LoadAsync(string ehr, CancellationToken cancellationToken) =>
        Task.FromResult(_jobs.TryGetValue(ehr, out var state) ? state : null);

    public Task SaveAsync(BulkExportState state, CancellationToken cancellationToken)
    {
        _jobs[state.Ehr] = state;
        return Task.CompletedTask;
    }

    public Task MarkFetchedAsync(string ehr, Uri url, string fileName, CancellationToken cancellationToken)
    {
        var state = _jobs[ehr];
        _jobs[ehr] = state with { Fetched = new Dictionary<string, string>(state.Fetched, StringComparer.Ordinal) { [url.AbsoluteUri] = fileName } };
        return Task.CompletedTask;
    }

    public Task ClearAsync(string ehr, CancellationToken cancellationToken)
    {
        _jobs.TryRemove(ehr, out _);
        return Task.CompletedTask;
    }
}
