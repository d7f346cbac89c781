using Microsoft.AspNetCore.Http;

namespace Interop.Worker.Dashboard;

/// <summary>
/// Headers on every answer: a Content-Security-Policy that allows no script at all (the dashboard has none), styles and
/// images from this origin only, forms posting only here (redirected on to the identity provider, with its sign-in), no framing; no MIME sniffing; no referrer (a subject page's
/// address holds a patient id); and no caching of pages that show subjects.
/// </summary>
internal sealed class SecurityHeaders(string? identityProvider = null)
{
    /// <summary>The policy without sign-in through an identity provider.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// The policy in effect. With sign-in through an identity provider, <c>form-action</c> also allows the provider's origin:
    /// the sign-in and sign-out forms post here, and browsers check the redirect to the provider that answers them
    /// against <c>form-action</c> too.
    /// </summary>
    public string Policy { get; } = identityProvider is null
        ? ContentSecurityPolicy
        : ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {Origin(identityProvider)}", StringComparison.Ordinal);

    /// <summary>The origin (scheme, host, port) of an absolute URL, as a CSP source.</summary>
    public static string Origin(string url) => new Uri(url).GetLeftPart(UriPartial.Authority);

    public Task AddAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
