using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Resource = Hl7.Fhir.Model.Resource;
using Interop.Fhir.Serialization;
using Interop.Fhir.Validation;
using Interop.Store;

namespace Interop.Sync;

/// <summary>
/// Which resource contents passed validation under the current profile set (issue 11): the SHA-256 of a resource's
/// full JSON, as written. Validation is a pure function of that content and the profile set
/// (<see cref="ConformanceResources.SetVersion"/>), so the same content need not be validated twice; a rerun over
/// unchanged input validates nothing. Only passes are kept: a failure is validated (and reported) every time.
/// Thread-safe.
/// </summary>
public sealed class ValidationCache
{
    private readonly IReadOnlySet<string> _known;
    private readonly ConcurrentDictionary<string, byte> _added = new(StringComparer.Ordinal);

    /// <summary>An empty cache (nothing validated before).</summary>
    public ValidationCache()
        : this(new HashSet<string>(StringComparer.Ordinal))
    {
    }

    private ValidationCache(IReadOnlySet<string> known) => _known = known;

    /// <summary>The profile set the cache is keyed by.</summary>
    public static string ProfileSetVersion => ConformanceResources.SetVersion;

    /// <summary>Content hashes validated during this run, not yet saved.</summary>
    public int Added => _added.Count;

    /// <summary>The cache as the store remembers it; empty without a store.</summary>
    public static async Task<ValidationCache> LoadAsync(StateStore? store, CancellationToken cancellationToken) =>
        store is null ? new ValidationCache() : new ValidationCache(await store.GetValidatedHashesAsync(ProfileSetVersion, cancellationToken));

    /// <summary>Saves what this run validated (call after the run's writes; a lost save only costs validation next run).</summary>
    public async Task SaveAsync(StateStore? store, CancellationToken cancellationToken)
    {
        if (store is not null)
        {
            await store.RecordValidatedHashesAsync(ProfileSetVersion, _added.Keys.ToList(), cancellationToken);
        }
    }

    /// <summary>Lower-case SHA-256 hex of the resource's JSON as the adapter serialises it.</summary>
    public static string HashOf(Resource resource) => HashOf(JsonSerializer.SerializeToUtf8Bytes(resource, FhirJson.Options));

    /// <summary>Lower-case SHA-256 hex of a resource's JSON, already serialised with the adapter's options.</summary>
    public static string HashOf(byte[] json) => Convert.ToHexStringLower(SHA256.HashData(json));

    /// <summary>True when this exact content passed under the current profile set.</summary>
    public bool IsKnownValid(string hash) => _known.Contains(hash) || _added.ContainsKey(hash);

    /// <summary>Remembers a content that passed.</summary>
    public void AddValid(string hash) => _added.TryAdd(hash, 0);
}
