using Interop.Ehr.Rest;

namespace Interop.Ehr.Bulk;

/// <summary>
/// The server no longer knows the export job (404 or 410 on its status URL): it expired, was purged, or the server
/// restarted. The caller starts a new export.
/// </summary>
public sealed class BulkJobGoneException : FhirEhrException
{
    public BulkJobGoneException()
    {
    }

    public BulkJobGoneException(string message)
        : base(message)
    {
    }

    public BulkJobGoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal BulkJobGoneException(string path, int status)
        : base("GET", path, $"The FHIR server no longer knows the Bulk Data export job (HTTP {status} on its status URL).", null)
    {
    }
}
