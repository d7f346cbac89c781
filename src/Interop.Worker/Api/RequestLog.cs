using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Interop.Worker.Api;

/// <summary>
/// One log line per HTTP request, by route template (<c>GET /api/v1/subjects/{patientId}</c>), never its path or query
/// string: ASP.NET Core's own request logs write both and are held below Information (see <c>PrivacyLogFloor</c>).
/// </summary>
internal static partial class RequestLog
{
    /// <summary>Logs each request once it is answered; add before authentication, so refusals are logged too.</summary>
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestLog).FullName!);
        var time = app.ApplicationServices.GetRequiredService<TimeProvider>();
        return app.Use(async (context, next) =>
        {
            var started = time.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    var route = RouteOf(context);
                    var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
                    Answered(logger, context.Request.Method, route, context.Response.StatusCode, elapsed);
                }
            }
        });
    }

    private static string RouteOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw ? (raw.StartsWith('/') ? raw : "/" + raw) : "(no route)";

    [LoggerMessage(EventId = 704, Level = LogLevel.Information, Message = "HTTP {Method} {Route} answered {StatusCode} in {ElapsedMs:0} ms")]
    private static partial void Answered(ILogger logger, string method, string route, int statusCode, double elapsedMs);
}
