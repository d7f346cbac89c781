using Interop.Store;
using Microsoft.Extensions.Logging;

namespace Interop.Sync.Lease;

/// <summary>
/// Renews a run's leases on a <see cref="TimeProvider"/> timer while the run is alive, in the background (not per patient):
/// the EHR's run lease when the run holds one, then the run's own row. A renewal that finds the EHR lease no longer this
/// run's marks the lease lost for good; renewals that fail (the store unreachable) are retried each tick, and the lease
/// counts as lost once a whole TTL passed without a successful one, as another run may then have taken it.
/// </summary>
internal sealed class RunHeartbeat : IAsyncDisposable
{
    private readonly StateStore _store;
    private readonly TimeProvider _time;
    private readonly RunLeaseOptions _options;
    private readonly ILogger _logger;
    private readonly string _target;
    private readonly Guid _runId;
    private readonly string? _holder;
    private readonly Action<string, bool>? _renewed;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _beating;
    private long _validUntilTicks;
    private volatile bool _takenOver;
    private bool _disposed;

    /// <summary>
    /// Starts beating for run <paramref name="runId"/> of <paramref name="target"/>, whose leases were taken at
    /// <paramref name="acquiredAt"/>; <paramref name="holder"/> is its EHR lease's holder, null for a run that holds none
    /// (file mode, dry runs). <paramref name="renewed"/> (a test seam) is told after each renewal whether the lease is still held.
    /// </summary>
    public RunHeartbeat(
        StateStore store, TimeProvider time, RunLeaseOptions options, ILogger logger, string target, Guid runId, string? holder, DateTimeOffset acquiredAt, Action<string, bool>? renewed)
    {
        (_store, _time, _options, _logger, _target, _runId, _holder, _renewed) = (store, time, options, logger, target, runId, holder, renewed);
        _validUntilTicks = (acquiredAt + options.Ttl).UtcTicks;

        // The timer starts now, not when the background task gets a thread: the first renewal is due one interval from here.
        var timer = new PeriodicTimer(options.RenewInterval, time);
        _beating = Task.Run(() => BeatAsync(timer));
    }

    /// <summary>
    /// True when the run may no longer write: another holder took its EHR lease, or no renewal succeeded for a whole TTL.
    /// Never true for a run without an EHR lease.
    /// </summary>
    public bool IsLost => _holder is not null && (_takenOver || _time.GetUtcNow().UtcTicks >= Interlocked.Read(ref _validUntilTicks));

    /// <summary>Stops renewing (the leases then last until their TTL unless released); waits for a renewal under way.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync();
        await _beating;
        _stop.Dispose();
    }

    private async Task BeatAsync(PeriodicTimer timer)
    {
        using var owned = timer;
        try
        {
            var held = true;
            while (held && await timer.WaitForNextTickAsync(_stop.Token))
            {
                held = await RenewAsync();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The run finished.
        }
    }

    /// <summary>One renewal; false when the lease was taken over (the heartbeat then stops).</summary>
    private async Task<bool> RenewAsync()
    {
        var at = _time.GetUtcNow();
        try
        {
            if (_holder is not null && !await _store.RenewRunLeaseAsync(_target, _holder, _options.Ttl, _stop.Token))
            {
                _takenOver = true;
                RunLeaseLog.Lost(_logger, _target, _runId);
                _renewed?.Invoke(_target, false);
                return false;
            }

            await _store.RenewRunAsync(_runId, _options.Ttl, _stop.Token);
            Interlocked.Exchange(ref _validUntilTicks, (at + _options.Ttl).UtcTicks);
            _renewed?.Invoke(_target, true);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The store may be briefly unreachable: the next tick tries again, and the lease's TTL bounds how long that can go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RunLeaseLog.RenewalFailed(_logger, _target, _runId, ex.GetType().Name);
            _renewed?.Invoke(_target, !IsLost);
        }

        return true;
    }
}
