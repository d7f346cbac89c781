using Interop.Ehr.Rest;
using Refit;

namespace Interop.Ehr.Bulk;

/// <summary>
/// The FHIR Bulk Data Access (v2) requests of the asynchronous export pattern, relative to the EHR's base URL and sent
/// through the EHR's FHIR pipeline (same origin, bearer token, resilience, logging without query strings). Answers come
/// back as they are: the 202/200/4xx protocol is read by <see cref="BulkDataClient"/>.
/// </summary>
internal interface IBulkDataApi
{
    /// <summary><c>GET [base]/$export</c> with <c>Prefer: respond-async</c>.</summary>
    [Get("/$export")]
    [Headers("Accept: " + FhirMediaType.Json, "Prefer: respond-async")]
    Task<HttpResponseMessage> KickOffSystemAsync(
        [QueryConverter(typeof(FhirSearchQueryConverter))] FhirSearchQuery query, CancellationToken cancellationToken);

    /// <summary><c>GET [base]/Patient/$export</c> with <c>Prefer: respond-async</c>.</summary>
    [Get("/Patient/$export")]
    [Headers("Accept: " + FhirMediaType.Json, "Prefer: respond-async")]
    Task<HttpResponseMessage> KickOffPatientAsync(
        [QueryConverter(typeof(FhirSearchQueryConverter))] FhirSearchQuery query, CancellationToken cancellationToken);

    /// <summary><c>GET [base]/Group/{id}/$export</c> with <c>Prefer: respond-async</c>.</summary>
    [Get("/Group/{groupId}/$export")]
    [Headers("Accept: " + FhirMediaType.Json, "Prefer: respond-async")]
    Task<HttpResponseMessage> KickOffGroupAsync(
        string groupId, [QueryConverter(typeof(FhirSearchQueryConverter))] FhirSearchQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET {status URL}</c>: 202 while in progress (X-Progress, Retry-After), 200 with the manifest, 4xx/5xx on failure.
    /// Marked as a poll so that the resilience handler leaves 429 and 503 to the poll loop, which honours Retry-After itself.
    /// </summary>
    [Get("")]
    [Headers("Accept: application/json")]
    Task<HttpResponseMessage> StatusAsync(
        [Url] Uri statusUrl, [Property(BulkRequestOptions.PollKey)] bool poll, CancellationToken cancellationToken);

    /// <summary><c>DELETE {status URL}</c>: cancels the export (202), or forgets its files.</summary>
    [Delete("")]
    Task<HttpResponseMessage> CancelAsync([Url] Uri statusUrl, CancellationToken cancellationToken);
}

/// <summary>The download of one output, error or deleted file (<c>Accept: application/fhir+ndjson</c>, gzip accepted), streamed.</summary>
internal interface IBulkFileApi
{
    /// <summary><c>GET {file URL}</c>; the body is read by the caller as it arrives.</summary>
    [Get("")]
    [Headers("Accept: application/fhir+ndjson", "Accept-Encoding: gzip")]
    Task<HttpResponseMessage> DownloadAsync([Url] Uri fileUrl, CancellationToken cancellationToken);
}

/// <summary>Request options the Bulk Data client sets for the handlers below it.</summary>
internal static class BulkRequestOptions
{
    /// <summary>A status poll: the poll loop, not the resilience handler, waits out 429 and 503.</summary>
    public const string PollKey = "Interop.Ehr.Bulk.Poll";

    public static bool IsPoll(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(new HttpRequestOptionsKey<bool>(PollKey), out var poll) && poll;
}
