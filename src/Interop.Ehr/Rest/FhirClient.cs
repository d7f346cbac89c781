using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Interop.Ehr.Ndjson;

namespace Interop.Ehr.Rest;

/// <summary>
/// The adapter's FHIR REST client for one EHR: capability read, searches followed through every page,
/// reads and transactions, over <see cref="IFhirRestApi"/>. Failures are <see cref="FhirEhrException"/>s.
/// Obtain one per EHR from DI: <c>GetRequiredKeyedService&lt;FhirClient&gt;(name)</c>.
/// </summary>
public sealed partial class FhirClient
{
    private readonly IFhirRestApi _api;
    private readonly Uri _baseUrl;

    internal FhirClient(IFhirRestApi api, Uri baseUrl, FhirRequestCounter counter)
    {
        _api = api;
        _baseUrl = baseUrl;
        Counter = counter;
    }

    /// <summary>The EHR's FHIR base URL.</summary>
    public Uri BaseUrl => _baseUrl;

    /// <summary>FHIR interactions made so far with this EHR (every page of a search counts), shared across clients of the EHR.</summary>
    public long RequestCount => Counter.Requests;

    /// <summary>Interactions and wire attempts (retries included) with this EHR.</summary>
    public FhirRequestCounter Counter { get; }

    /// <summary><c>GET [base]/metadata</c>.</summary>
    public async Task<CapabilityStatement> CapabilitiesAsync(CancellationToken cancellationToken = default)
    {
        Counter.CountRequest();
        return Required(await _api.GetCapabilitiesAsync(cancellationToken), "GET", PathOf("metadata"));
    }

    /// <summary>
    /// <c>GET [base]/metadata</c>, read for the facts a sync judges (<see cref="ServerCapabilities"/>) without parsing the
    /// whole statement into Firely's model. A body that is not a CapabilityStatement fails as with <see cref="CapabilitiesAsync"/>.
    /// </summary>
    public async Task<ServerCapabilities> ServerCapabilitiesAsync(CancellationToken cancellationToken = default)
    {
        Counter.CountRequest();
        return Required(await _api.GetServerCapabilitiesAsync(cancellationToken), "GET", PathOf("metadata"));
    }

    /// <summary>
    /// Searches <paramref name="resourceType"/> and yields every matched and included resource of every
    /// page, following <c>Bundle.link</c> next until the server stops giving one. Parameters are plain
    /// (unencoded) values; repeated names are kept in order. Entries with search mode <c>outcome</c>
    /// (server warnings) are skipped. A resource that is not valid FHIR fails the search
    /// (<see cref="FhirProtocolException"/>); <see cref="SearchItemsAsync"/> sets it aside instead.
    /// </summary>
    public async IAsyncEnumerable<Resource> SearchAsync(
        string resourceType,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in SearchItemsAsync(resourceType, parameters, cancellationToken))
        {
            yield return item.Resource ?? throw new FhirProtocolException(
                "GET", PathOf(resourceType), $"A resource in the server's {resourceType} search is not valid FHIR: {item.Failure?.Reason}.", null);
        }
    }

    /// <summary>
    /// <see cref="SearchAsync"/>, but a matched or included resource that is not valid FHIR is yielded as a quarantine entry
    /// (its type, id and patient when they could be read, and a reason naming the element, never a value) and the rest of
    /// its page is read. Locations are generic (<c>GET Observation search</c>, <c>GET Observation search include</c>): the
    /// query string would carry the patient id.
    /// </summary>
    public async IAsyncEnumerable<SourceItem> SearchItemsAsync(
        string resourceType,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RequireResourceType(resourceType);
        Counter.CountRequest();
        var page = Required(await _api.SearchAsync(resourceType, FhirSearchQuery.Create(parameters), cancellationToken), "GET", PathOf(resourceType));
        var followed = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            foreach (var entry in page.Entries)
            {
                if (entry.Mode is not (null or Bundle.SearchEntryMode.Match or Bundle.SearchEntryMode.Include))
                {
                    continue;
                }

                var location = entry.Mode == Bundle.SearchEntryMode.Include ? $"GET {resourceType} search include" : $"GET {resourceType} search";
                if (entry.Resource is { } resource)
                {
                    yield return new SourceItem(location, resource, null);
                }
                else if (entry.Failure is { } failure)
                {
                    yield return new SourceItem(location, null, failure with { Location = location });
                }
            }

            if (NextLink(page, resourceType) is not { } next)
            {
                yield break;
            }

            if (!followed.Add(next.AbsoluteUri))
            {
                throw new FhirProtocolException("GET", RequestDescription.Path(next), $"The server's {resourceType} search links a page it already returned; paging stopped.", null);
            }

            Counter.CountRequest();
            page = Required(await _api.GetPageAsync(next, cancellationToken), "GET", RequestDescription.Path(next));
        }
    }

    /// <summary>
    /// How many <paramref name="resourceType"/> resources match: one <c>GET [base]/{type}?...&amp;_summary=count</c>, read
    /// from <c>Bundle.total</c>. Throws <see cref="FhirProtocolException"/> when the server gives no total.
    /// </summary>
    public async Task<int> CountAsync(
        string resourceType, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken = default)
    {
        RequireResourceType(resourceType);
        ArgumentNullException.ThrowIfNull(parameters);
        Counter.CountRequest();
        var query = FhirSearchQuery.Create([.. parameters, new("_summary", "count")]);
        var bundle = Required(await _api.SearchAsync(resourceType, query, cancellationToken), "GET", PathOf(resourceType));
        return bundle.Total
            ?? throw new FhirProtocolException("GET", PathOf(resourceType), $"The server's {resourceType} count search (_summary=count) gave no total.", null);
    }

    /// <summary><c>GET [base]/{type}/{id}</c> for the FHIR type of <typeparamref name="T"/>.</summary>
    public async Task<T> ReadAsync<T>(string id, CancellationToken cancellationToken = default)
        where T : Resource
    {
        var resourceType = Hl7.Fhir.Model.ModelInfo.GetFhirTypeNameForType(typeof(T))
            ?? throw new ArgumentException($"{typeof(T).Name} is not a FHIR resource type.", nameof(T));
        if (!IdPattern().IsMatch(id ?? string.Empty))
        {
            throw new ArgumentException("A FHIR id is 1-64 letters, digits, '-' or '.'.", nameof(id));
        }

        Counter.CountRequest();
        var path = PathOf($"{resourceType}/{{id}}");
        var resource = Required(await _api.ReadAsync(resourceType, id!, cancellationToken), "GET", path);
        return resource as T
            ?? throw new FhirProtocolException("GET", path, $"The server answered GET {path} with a {resource.TypeName}, not a {resourceType}.", null);
    }

    /// <summary>
    /// <c>POST [base]</c> with a transaction Bundle. A transaction is all-or-nothing on the server: on a
    /// <see cref="FhirServerException"/> nothing was written; on a <see cref="FhirUnavailableException"/>
    /// it may or may not have been, and the caller re-sends it later (its entries are conditional updates).
    /// </summary>
    public async Task<Bundle> TransactionAsync(Bundle transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.Type != Bundle.BundleType.Transaction)
        {
            throw new ArgumentException("Only a Bundle of type transaction can be posted.", nameof(transaction));
        }

        Counter.CountRequest();
        return Required(await _api.TransactionAsync(transaction, cancellationToken), "POST", PathOf(string.Empty));
    }

    /// <summary>An empty body deserialises to null: a 200 without content is not an answer.</summary>
    private static TResult Required<TResult>(TResult? result, string method, string path)
        where TResult : class =>
        result ?? throw new FhirProtocolException(method, path, $"The FHIR server answered {method} {path} with an empty body.", null);

    /// <summary>A path for messages: the base's path and <paramref name="relative"/> (never with a resource id in it).</summary>
    private string PathOf(string relative) => RequestDescription.WithoutIds(_baseUrl.AbsolutePath.TrimEnd('/')) + "/" + relative;

    private Uri? NextLink(SearchPage page, string resourceType)
    {
        var link = page.Links.FirstOrDefault(l => string.Equals(l.Relation, "next", StringComparison.Ordinal))?.Url;
        if (string.IsNullOrEmpty(link))
        {
            return null;
        }

        if (!Uri.TryCreate(_baseUrl, link, out var next))
        {
            throw new FhirProtocolException("GET", "?", $"The server's {resourceType} search gave a next link that is not a URL.", null);
        }

        if (!SameOriginHandler.IsSameOrigin(_baseUrl, next))
        {
            throw new FhirProtocolException(
                "GET",
                RequestDescription.Path(next),
                $"The server's {resourceType} search gave a next link to another origin ({next.Scheme}://{next.Authority}); refused, credentials go to the configured server only.",
                null);
        }

        return next;
    }

    private static void RequireResourceType(string resourceType)
    {
        if (string.IsNullOrEmpty(resourceType) || !Hl7.Fhir.Model.ModelInfo.IsKnownResource(resourceType))
        {
            throw new ArgumentException($"'{resourceType}' is not a FHIR R4 resource type.", nameof(resourceType));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9.-]{1,64}$")]
    private static partial Regex IdPattern();
}
