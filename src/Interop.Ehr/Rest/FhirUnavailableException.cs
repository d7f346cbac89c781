namespace Interop.Ehr.Rest;

/// <summary>
/// No usable answer arrived after the retries the resilience policy allows: connection failure, reset,
/// attempt or total timeout, or an open circuit breaker. The request may or may not have been processed
/// (see <c>EhrResiliencePolicy</c> for what is retried); callers re-run idempotent work later.
/// </summary>
public sealed class FhirUnavailableException : FhirEhrException
{
    public FhirUnavailableException()
    {
    }

    public FhirUnavailableException(string message)
        : base(message)
    {
    }

    public FhirUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FhirUnavailableException(string method, string path, string message, Exception? innerException)
        : base(method, path, message, innerException)
    {
    }
}
