using System.Net;
using System.Net.Http.Headers;

namespace Interop.Ehr.Auth;

/// <summary>
/// Adds <c>Authorization: Bearer</c> from the EHR's token source. On a 401 it drops the token and, when
/// the source gives a different one, sends the request once more (an expired or revoked token); a second
/// 401 goes back to the caller as the server's rejection.
/// </summary>
internal sealed class BearerTokenHandler(IAccessTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        if (token is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        tokens.Invalidate(token);
        var fresh = await tokens.GetTokenAsync(cancellationToken);
        if (fresh is null || string.Equals(fresh, token, StringComparison.Ordinal))
        {
            return response;
        }

        // The request was refused before processing (401), so sending it again is safe for any method.
        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(request, cancellationToken);
    }
}
