namespace Interop.Fhir.Terminology;

/// <summary>A terminology map file could not be used; the message names the file and what is wrong.</summary>
public sealed class TerminologyMapException : Exception
{
    public TerminologyMapException()
    {
    }

    public TerminologyMapException(string message)
        : base(message)
    {
    }

    public TerminologyMapException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
