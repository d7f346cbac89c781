namespace Interop.Ehr.Rest;

/// <summary>
/// Reads the whole response body inside the attempt. Refit streams bodies after the pipeline returns, so
/// without this a connection that drops mid-body, or a body that trickles past the attempt timeout, would
/// escape the retry and timeout policies. FHIR pages, reads and transaction responses are bounded (a page
/// is the server's page size); Bulk Data downloads do not go through this client.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
