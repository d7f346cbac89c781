using Microsoft.AspNetCore.Http;

namespace Interop.Worker.Dashboard;

/// <summary>
/// Headers on every answer: a Content-Security-Policy that allows no script at all (the dashboard has none), styles and
/// images from this origin only, forms posting only here, no framing; no MIME sniffing; no referrer (a subject page's
/// address holds a patient id); and no caching of pages that show subjects.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static Task AddAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
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
