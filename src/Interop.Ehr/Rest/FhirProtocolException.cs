namespace Interop.Ehr.Rest;

/// <summary>
/// The server answered, but not in a way the adapter can use: a body that is not valid FHIR JSON, a
/// resource of another type than asked for, or a paging link to another host. The message names the
/// request and the kind of problem, never the body.
/// </summary>
public sealed class FhirProtocolException : FhirEhrException
{
    public FhirProtocolException()
    {
    }

    public FhirProtocolException(string message)
        : base(message)
    {
    }

    public FhirProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FhirProtocolException(string method, string path, string message, Exception? innerException)
        : base(method, path, message, innerException)
    {
    }
}
