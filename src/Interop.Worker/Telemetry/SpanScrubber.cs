using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Interop.Worker.Telemetry;

/// <summary>
/// Keeps patient ids and query strings out of HTTP server spans: the path and query tags are removed, and the span is
/// named by the route template (<c>GET /api/v1/subjects/{patientId}</c>), never the path.
/// </summary>
internal static class SpanScrubber
{
    public static readonly string[] RemovedTags = ["url.path", "url.query", "url.full", "http.target", "http.url"];

    public static void OnRequest(Activity activity, HttpRequest request)
    {
        RemoveUrl(activity);
        activity.DisplayName = request.Method;
    }

    public static void OnResponse(Activity activity, HttpResponse response)
    {
        RemoveUrl(activity);
        var route = (response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        activity.DisplayName = route is null ? response.HttpContext.Request.Method : $"{response.HttpContext.Request.Method} {Rooted(route)}";
    }

    private static string Rooted(string route) => route.StartsWith('/') ? route : "/" + route;

    private static void RemoveUrl(Activity activity)
    {
        foreach (var tag in RemovedTags)
        {
            activity.SetTag(tag, null);
        }
    }
}
