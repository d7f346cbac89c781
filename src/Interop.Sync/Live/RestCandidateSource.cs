using Interop.Ehr.Rest;
using Interop.Store;
using Interop.Sync.Pipeline;

namespace Interop.Sync.Live;

/// <summary>The EHR read by FHIR REST: candidates by code searches (<see cref="CandidateDiscovery"/>), records per candidate.</summary>
internal sealed class RestCandidateSource(FhirClient client, StateStore store, LiveSyncOptions options) : IRecordSource
{
    public bool ReportsEveryQuarantineOnRead => false;

    public async Task<CandidateSet> DiscoverAsync(SourceScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return new(await new CandidateDiscovery(client, store, options).DiscoverAsync(scope.Target, scope.Map, scope.Watermark, cancellationToken));
    }

    public Task<IRecordReader> OpenAsync(IReadOnlyCollection<string> candidates, SourceScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Task.FromResult<IRecordReader>(new CandidateReader(new RestRecordFeed(client, options), scope.Mapper, candidates));
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
