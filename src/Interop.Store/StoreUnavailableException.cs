namespace Interop.Store;

/// <summary>
/// The state store could not be opened or brought to the current schema (a folder that cannot be created, a file without
/// permission, a PostgreSQL server that does not answer or refuses the login). The message names the failure's type and
/// the provider's first line (file names, hosts, error codes: settings, never patient data).
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
