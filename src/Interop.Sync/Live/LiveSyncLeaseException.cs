namespace Interop.Sync.Live;

/// <summary>Another sync of the same EHR holds its run lease; this run did nothing.</summary>
public sealed class LiveSyncLeaseException : Exception
{
    public LiveSyncLeaseException()
    {
    }

    public LiveSyncLeaseException(string message)
        : base(message)
    {
    }

    public LiveSyncLeaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>When the holder's lease runs out unless it is renewed (the earliest moment a retry can succeed).</summary>
    public DateTimeOffset? HeldUntil { get; init; }
}
