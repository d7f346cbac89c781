using Interop.Store;
using Interop.Sync.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Sync.Lease;

/// <summary>
/// Starts runs in the run history with their leases (see <see cref="RunLeaseOptions"/>): an exclusive run first takes the
/// target's run lease, then every run records its start and keeps its leases alive with a <see cref="RunHeartbeat"/>.
/// </summary>
internal sealed class RunLeases(StateStore store, TimeProvider time, IOptions<RunLeaseOptions> options, ILogger<RunLeases> logger)
{
    /// <summary>Test seam: told after each heartbeat renewal (target, whether the lease is still held). Null in production.</summary>
    internal Action<string, bool>? Renewed { get; set; }

    /// <summary>
    /// Starts a run of <paramref name="target"/>; dispose the scope when the run has ended. An <paramref name="exclusive"/> run
    /// (a live sync that writes) takes the target's run lease first: one such run per target at a time.
    /// </summary>
    /// <exception cref="LiveSyncLeaseException">Exclusive, and another run holds the lease; nothing was recorded.</exception>
    public async Task<SyncRunScope> BeginAsync(string target, SyncRunMode mode, DateTimeOffset asOf, bool exclusive, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var acquiredAt = time.GetUtcNow();
        string? holder = null;
        if (exclusive)
        {
            holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.CreateVersion7(acquiredAt):N}";
            if (!await store.TryAcquireRunLeaseAsync(target, holder, settings.Ttl, cancellationToken))
            {
                // Read after the refusal: a lease released in between reads as free now, and a retry then succeeds at once.
                var heldUntil = (await store.GetRunLeaseAsync(target, cancellationToken))?.ExpiresAt ?? acquiredAt;
                RunLeaseLog.Refused(logger, target, heldUntil);
                throw new LiveSyncLeaseException(
                    $"Another sync of EHR '{target}' is running (it holds the run lease until {heldUntil:yyyy-MM-dd'T'HH:mm:ss'Z'}, renewed while it is alive); this run did nothing. Try again when it has finished.")
                {
                    HeldUntil = heldUntil,
                };
            }
        }

        try
        {
            var runId = await store.StartRunAsync(target, mode, asOf, settings.Ttl, cancellationToken);
            var heartbeat = new RunHeartbeat(store, time, settings, logger, target, runId, holder, acquiredAt, Renewed);
            return new SyncRunScope(store, target, runId, holder, heartbeat, logger);
        }
        catch (Exception) when (holder is not null)
        {
            await store.ReleaseRunLeaseAsync(target, holder, CancellationToken.None);
            throw;
        }
    }
}
