using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Interop.Client;

/// <summary>Adds the configured API key or bearer token to each request.</summary>
internal sealed class InteropCredentialsHandler(IOptions<InteropClientOptions> options) : DelegatingHandler
{
    internal const string ApiKeyHeader = "X-API-Key";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.ApiKey is { } key)
        {
            request.Headers.Remove(ApiKeyHeader);
            request.Headers.Add(ApiKeyHeader, key);
        }
        else if (settings.BearerTokenProvider is { } provider)
        {
            var token = await provider(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
