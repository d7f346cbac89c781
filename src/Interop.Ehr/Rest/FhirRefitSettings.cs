using System.Net.Sockets;
using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Interop.Fhir.Serialization;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Interop.Ehr.Rest;

/// <summary>
/// Refit settings for <see cref="IFhirRestApi"/>: FHIR JSON bodies, and every failure mapped to one of
/// the <see cref="FhirEhrException"/> types without Refit's own exceptions, which keep the full request
/// URI (query string), headers (Authorization) and body.
/// </summary>
internal static class FhirRefitSettings
{
    /// <summary>Error bodies beyond this are not parsed: an OperationOutcome is small.</summary>
    private const int MaxErrorBodyBytes = 1024 * 1024;

    public static RefitSettings Create() =>
        new(new FhirJsonContentSerializer())
        {
            ExceptionFactory = CreateServerExceptionAsync,
            DeserializationExceptionFactory = (response, error) =>
                ValueTask.FromResult<Exception?>(new FhirProtocolException(
                    RequestDescription.Method(response.RequestMessage),
                    RequestDescription.Path(response.RequestMessage),
                    $"The FHIR server's answer to {RequestDescription.Method(response.RequestMessage)} {RequestDescription.Path(response.RequestMessage)} is {FhirErrorDescriptions.Describe(error)}.",
                    null)),
            TransportExceptionFactory = MapTransportException,
        };

    public static Exception MapTransportException(HttpRequestMessage request, Exception error, CancellationToken cancellationToken)
    {
        if (error is FhirEhrException || (error is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return error;
        }

        var method = RequestDescription.Method(request);
        var path = RequestDescription.Path(request);
        var reason = error switch
        {
            TimeoutRejectedException => "no answer within the timeout",
            BrokenCircuitException => "the circuit breaker is open after repeated failures",
            HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => "connection refused (nothing listens at that host and port)",
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "the host name could not be resolved",
            HttpRequestException { HttpRequestError: var kind } => $"connection failed ({kind})",
            TaskCanceledException => "no answer within the timeout",
            _ => error.GetType().Name,
        };

        // The inner exception stays for diagnosis; none of these carry the query string or a body.
        return new FhirUnavailableException(method, path, $"The FHIR server did not answer {method} {path}: {reason}.", error);
    }

    internal static async ValueTask<Exception?> CreateServerExceptionAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var outcome = await TryReadOutcomeAsync(response);
        return new FhirServerException(
            RequestDescription.Method(response.RequestMessage),
            RequestDescription.Path(response.RequestMessage),
            response.StatusCode,
            outcome);
    }

    private static async System.Threading.Tasks.Task<OperationOutcome?> TryReadOutcomeAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentLength is > MaxErrorBodyBytes || response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        try
        {
            var body = await response.Content.ReadAsByteArrayAsync();
            if (body.Length is 0 or > MaxErrorBodyBytes)
            {
                return null;
            }

            return JsonSerializer.Deserialize<Resource>(body, FhirJson.Options) as OperationOutcome;
        }
        catch (DeserializationFailedException ex)
        {
            // An OperationOutcome with a minor flaw still names its issue codes.
            return ex.PartialResult as OperationOutcome;
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or IOException or NotSupportedException)
        {
            return null;
        }
    }
}
