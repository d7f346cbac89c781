using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;

namespace Interop.Fhir.Validation;

/// <summary>
/// A resource resolver that several threads can share: every call to the wrapped resolver (Firely's
/// <see cref="CachedResolver"/> over core and our profiles, whose cache is not thread-safe) runs under one lock.
/// The wrapped sources (a zip of core and an in-memory list) complete synchronously, so the wait under the lock
/// never waits for another thread.
/// </summary>
internal sealed class SynchronizedResolver(CachedResolver inner) : IAsyncResourceResolver
{
    private readonly Lock _gate = new();

    public Task<ResolverResult> TryResolveByUriAsync(string uri)
    {
        lock (_gate)
        {
            return System.Threading.Tasks.Task.FromResult(inner.TryResolveByUriAsync(uri).GetAwaiter().GetResult());
        }
    }

    public Task<ResolverResult> TryResolveByCanonicalUriAsync(string uri)
    {
        lock (_gate)
        {
            return System.Threading.Tasks.Task.FromResult(inner.TryResolveByCanonicalUriAsync(uri).GetAwaiter().GetResult());
        }
    }

    public async Task<Resource?> ResolveByUriAsync(string uri) => (await TryResolveByUriAsync(uri).ConfigureAwait(false)).Value;

    public async Task<Resource?> ResolveByCanonicalUriAsync(string uri) => (await TryResolveByCanonicalUriAsync(uri).ConfigureAwait(false)).Value;
}
