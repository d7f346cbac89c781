using Interop.Ehr.Rest;
using Interop.Fhir.Mapping;
using Interop.Fhir.Terminology;
using Interop.Store;

namespace Interop.Worker.Sync.Live;

/// <summary>The EHR read by FHIR REST: candidates by code searches (<see cref="CandidateDiscovery"/>), records per candidate.</summary>
internal sealed class RestCandidateSource(FhirClient client, StateStore store, LiveSyncOptions options) : ICandidateSource
{
    public async Task<CandidateSet> DiscoverAsync(string ehrName, TerminologyMap map, DateTimeOffset? watermark, CancellationToken cancellationToken) =>
        new(await new CandidateDiscovery(client, store, options).DiscoverAsync(ehrName, map, watermark, cancellationToken));

    public Task<CandidateReader> OpenAsync(IReadOnlyCollection<string> candidates, FhirFactMapper mapper, CancellationToken cancellationToken) =>
        Task.FromResult(new CandidateReader(new RestRecordFeed(client, options), mapper));

    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
