using Interop.Store;
using Microsoft.Extensions.Logging;

namespace Interop.Sync.Lease;

/// <summary>
/// One run in the run history, alive while its heartbeat renews its leases. Check <see cref="ThrowIfLeaseLost"/> before
/// each write; record the end with <see cref="FinishAsync"/>; disposing stops the heartbeat and releases the EHR lease.
/// </summary>
internal sealed class SyncRunScope(StateStore store, string target, Guid runId, string? holder, RunHeartbeat heartbeat, ILogger logger) : IAsyncDisposable
{
    public Guid RunId => runId;

    /// <exception cref="RunLeaseLostException">Another run took the lease (or it could not be renewed for a whole TTL).</exception>
    public void ThrowIfLeaseLost()
    {
        if (heartbeat.IsLost)
        {
            throw new RunLeaseLostException(
                $"The sync of EHR '{target}' lost its run lease (another run took it, or it could not be renewed in time); it stopped before its next write.");
        }
    }

    /// <summary>Stops the heartbeat, then records how the run ended (not cancellable: the end of a run is always recorded).</summary>
    public async Task FinishAsync(SyncRunCompletion completion)
    {
        await heartbeat.DisposeAsync();
        await store.FinishRunAsync(runId, completion, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await heartbeat.DisposeAsync();
        if (holder is null)
        {
            return;
        }

        try
        {
            await store.ReleaseRunLeaseAsync(target, holder, CancellationToken.None);
        }
#pragma warning disable CA1031 // Disposing must not hide how the run ended; an unreleased lease runs out after its TTL.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RunLeaseLog.ReleaseFailed(logger, target, runId, ex.GetType().Name);
        }
    }
}
