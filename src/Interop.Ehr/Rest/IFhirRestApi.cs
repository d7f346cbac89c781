using Hl7.Fhir.Model;
using Refit;

namespace Interop.Ehr.Rest;

/// <summary>
/// Every request the adapter makes to an EHR's FHIR R4 REST API. Paths are relative to the configured
/// base URL (<c>Ehrs:&lt;name&gt;:BaseUrl</c>); every request asks for and sends <c>application/fhir+json</c>,
/// carries the configured authorization, and goes only to the base URL's scheme, host and port.
/// </summary>
/// <remarks>
/// Hospital IT can read this interface as the complete list of what reaches their server: a capability
/// read, searches, the server's own paging links, reads by id, and transactions. Nothing else.
/// A rejection (HTTP 4xx/5xx after retries) throws <see cref="FhirServerException"/>; an unusable answer
/// <see cref="FhirProtocolException"/>; no answer <see cref="FhirUnavailableException"/>.
/// </remarks>
[Headers("Accept: " + FhirMediaType.Json)]
public interface IFhirRestApi
{
    /// <summary><c>GET [base]/metadata</c>: the server's CapabilityStatement (FHIR version, searches, interactions).</summary>
    [Get("/metadata")]
    Task<CapabilityStatement> GetCapabilitiesAsync(CancellationToken cancellationToken);

    /// <summary><c>GET [base]/metadata</c>, the same request, read for what a sync judges only (<see cref="ServerCapabilities"/>).</summary>
    [Get("/metadata")]
    Task<ServerCapabilities> GetServerCapabilitiesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET [base]/{resourceType}?{query}</c>: a search, returning the first page as a searchset Bundle.
    /// Each parameter name and value is percent-encoded (RFC 3986), so a token
    /// <c>code=http://loinc.org|78219-3</c> goes out as <c>code=http%3A%2F%2Floinc.org%7C78219-3</c>;
    /// a query given already encoded (<see cref="FhirSearchQuery.FromEncoded"/>) goes out verbatim. Each entry's
    /// resource is read on its own (<see cref="SearchPage"/>).
    /// </summary>
    [Get("/{resourceType}")]
    Task<SearchPage> SearchAsync(
        string resourceType,
        [QueryConverter(typeof(FhirSearchQueryConverter))] FhirSearchQuery query,
        CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET {next}</c>: the next page of a search, exactly as the server wrote it in the previous page's
    /// <c>Bundle.link</c> (relation <c>next</c>). A link to another scheme, host or port is refused before
    /// anything is sent (<see cref="FhirProtocolException"/>): credentials go to the configured server only.
    /// </summary>
    [Get("")]
    Task<SearchPage> GetPageAsync([Url] Uri nextLink, CancellationToken cancellationToken);

    /// <summary><c>GET [base]/{resourceType}/{id}</c>: one resource by logical id.</summary>
    [Get("/{resourceType}/{id}")]
    Task<Resource> ReadAsync(string resourceType, string id, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST [base]</c> with a transaction Bundle; returns the transaction-response Bundle. The adapter's
    /// transactions hold conditional updates by outcome identifier plus one Provenance per patient.
    /// Retried only when the request was certainly not processed (see <c>EhrResiliencePolicy</c>).
    /// </summary>
    [Post("")]
    Task<Bundle> TransactionAsync([Body] Bundle transaction, CancellationToken cancellationToken);
}
