using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Interop.Ehr.DependencyInjection;

/// <summary>
/// The standard resilience handler (rate limiter, total timeout, retry with jitter honouring Retry-After,
/// circuit breaker, attempt timeout) with one change: what is retried depends on the method.
/// </summary>
/// <remarks>
/// <para>GET (searches, pages, reads, metadata) is safe to repeat: every transient failure is retried
/// (408, 429, 5xx, connection failures, attempt timeouts). A refused connection is not, for any method: nothing listens
/// at that host and port, and the caller hears so at once instead of after the retries' back-off.</para>
/// <para>POST (the transaction, the SMART token request) is retried only when the server certainly did not
/// process it: the connection could not be established (nothing was sent), 429 (refused by rate limiting),
/// or 503 with Retry-After (the server says "not now"). A reset or timeout after the request was sent, a
/// 500, 502 or 504 can mean the transaction committed; it is not repeated here. Our transactions are
/// conditional updates by outcome identifier, so a later re-send cannot duplicate an Observation, but the
/// Provenance in the same Bundle is a create and the token assertion is single-use (jti): a blind replay
/// could duplicate the one and be refused for the other. Instead the caller gets one
/// <c>FhirUnavailableException</c>, the patient is retried next run, and the outcome ledger plus
/// conditional updates make that re-send idempotent for the outcomes.</para>
/// </remarks>
public static class EhrResiliencePolicy
{
    /// <summary>Applies <paramref name="settings"/> to the standard handler's options.</summary>
    public static void Configure(HttpStandardResilienceOptions options, EhrResilienceOptions settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        options.AttemptTimeout.Timeout = settings.AttemptTimeout;
        options.TotalRequestTimeout.Timeout = settings.TotalTimeout;
        // Polly wants at least one retry attempt; MaxRetries 0 (allowed: no retries) is enforced by ShouldHandle below.
        options.Retry.MaxRetryAttempts = Math.Max(1, settings.MaxRetries);
        options.Retry.Delay = settings.RetryBaseDelay;
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        options.Retry.ShouldRetryAfterHeader = true;
        options.Retry.MaxDelay = settings.TotalTimeout;
        options.Retry.ShouldHandle = args =>
        {
            if (settings.MaxRetries == 0)
            {
                return ValueTask.FromResult(false);
            }

            var request = args.Context.GetRequestMessage();
            // A Bulk Data status poll waits out 429/503 in its own loop, bounded by Ehrs:<name>:Bulk settings.
            if (Bulk.BulkRequestOptions.IsPoll(request) && args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable })
            {
                return ValueTask.FromResult(false);
            }

            return ValueTask.FromResult(ShouldRetry(request?.Method, args.Outcome));
        };

        // A dead EHR should stop being hammered: open after half of at least 20 requests in the window
        // failed. The window must span two attempt timeouts (the standard options' own rule).
        var window = TimeSpan.FromSeconds(30);
        options.CircuitBreaker.SamplingDuration = settings.AttemptTimeout * 2 > window ? settings.AttemptTimeout * 2 : window;
        options.CircuitBreaker.FailureRatio = 0.5;
        options.CircuitBreaker.MinimumThroughput = 20;
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(15);
    }

    /// <summary>Whether an attempt's outcome is retried for <paramref name="method"/> (see the remarks).</summary>
    public static bool ShouldRetry(HttpMethod? method, Outcome<HttpResponseMessage> outcome)
    {
        if (IsRefused(outcome))
        {
            // The host said nothing listens on that port: a wrong port or a stopped server, which seconds of retries do not
            // mend. Failing at once lets the run (and `check`) say so promptly; the next run tries again.
            return false;
        }

        if (method is null || method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options)
        {
            return HttpClientResiliencePredicates.IsTransient(outcome);
        }

        return CertainlyNotProcessed(outcome);
    }

    private static bool IsRefused(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } };

    private static bool CertainlyNotProcessed(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }

        return outcome.Result is { } response
            && (response.StatusCode == HttpStatusCode.TooManyRequests
                || (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null));
    }
}
