namespace Interop.Sync.Lease;

/// <summary>A run lost its EHR's run lease while running and stopped before its next write, so as never to write beside another run.</summary>
public sealed class RunLeaseLostException : Exception
{
    public RunLeaseLostException()
    {
    }

    public RunLeaseLostException(string message)
        : base(message)
    {
    }

    public RunLeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
