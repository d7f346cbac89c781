namespace Interop.Ehr.Rest;

/// <summary>
/// A request to the EHR failed. The message names the method and path (never the query string, which
/// carries search values, nor a body): safe to log and to put in a run report.
/// </summary>
public abstract class FhirEhrException : Exception
{
    protected FhirEhrException()
    {
    }

    protected FhirEhrException(string message)
        : base(message)
    {
    }

    protected FhirEhrException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    protected FhirEhrException(string method, string path, string message, Exception? innerException)
        : base(message, innerException)
    {
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method of the failed request, e.g. <c>GET</c>.</summary>
    public string? Method { get; }

    /// <summary>The request path without its query string, e.g. <c>/fhir/Observation</c>.</summary>
    public string? Path { get; }
}
