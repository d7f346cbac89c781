namespace Interop.Sync.Live;

/// <summary>
/// The EHR's CapabilityStatement lacks what write-back needs (transaction, conditional update of
/// Observation, create of Provenance). Nothing was written; the message names what is missing.
/// </summary>
public sealed class EhrCapabilityException : Exception
{
    public EhrCapabilityException()
    {
    }

    public EhrCapabilityException(string message)
        : base(message)
    {
    }

    public EhrCapabilityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What is missing, one phrase each (e.g. <c>transaction</c>, <c>conditional update on Observation</c>).</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
}
