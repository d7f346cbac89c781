namespace Interop.Ehr.Rest;

/// <summary>
/// Refuses, before anything is sent, a request to another scheme, host or port than the configured FHIR
/// base URL: a paging link written by the server must not carry our credentials elsewhere. Sits outside
/// the authorization handler, so a refused request never gets a token.
/// </summary>
internal sealed class SameOriginHandler(Uri baseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri || !IsSameOrigin(baseUrl, uri))
        {
            var method = RequestDescription.Method(request);
            throw new FhirProtocolException(
                method,
                RequestDescription.Path(request),
                $"Refused {method} to another origin than the configured FHIR base URL ({uri?.Scheme}://{uri?.Authority}); the server's paging links must stay on its own host.",
                null);
        }

        return base.SendAsync(request, cancellationToken);
    }

    public static bool IsSameOrigin(Uri baseUrl, Uri uri) =>
        string.Equals(baseUrl.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(baseUrl.IdnHost, uri.IdnHost, StringComparison.OrdinalIgnoreCase)
        && baseUrl.Port == uri.Port;
}
