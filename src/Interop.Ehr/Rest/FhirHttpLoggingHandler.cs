using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Interop.Ehr.Rest;

/// <summary>
/// Logs each HTTP attempt (at Debug: one line per request would drown a run's own lines; a failed attempt at Warning) with method, path (never the query string: search values are patient data; never a resource id:
/// <c>GET /fhir/Patient/{id}</c>), status and duration, and counts it. Replaces IHttpClientFactory's default loggers, which
/// log the full URI.
/// </summary>
internal sealed partial class FhirHttpLoggingHandler(ILogger<FhirHttpLoggingHandler> logger, TimeProvider timeProvider, string ehrName, FhirRequestCounter? counter)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counter?.CountAttempt();
        var method = RequestDescription.Method(request);
        var path = RequestDescription.Path(request);
        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var elapsed = timeProvider.GetElapsedTime(started);
            counter?.RecordAnswer(elapsed);
            LogResponse(logger, ehrName, method, path, (int)response.StatusCode, elapsed.TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            // The exception's type only: a message could, in principle, repeat the URI.
            var elapsedMs = timeProvider.GetElapsedTime(started).TotalMilliseconds;
            LogFailure(logger, ehrName, method, path, ex.GetType().Name, elapsedMs);
            throw;
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "EHR {Ehr}: {Method} {Path} -> {StatusCode} in {ElapsedMs:0} ms")]
    private static partial void LogResponse(ILogger logger, string ehr, string method, string path, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "EHR {Ehr}: {Method} {Path} failed ({Error}) after {ElapsedMs:0} ms")]
    private static partial void LogFailure(ILogger logger, string ehr, string method, string path, string error, double elapsedMs);
}
