using System.Collections.Concurrent;
using Interop.Ehr.Ndjson;
using Interop.Ehr.Rest;
using Interop.Fhir.Terminology;
using Interop.Sync.Lease;
using Interop.Sync.Live;
using Interop.Worker.Telemetry;
using Microsoft.Extensions.Logging;

namespace Interop.Worker.Serve;

/// <summary>
/// Runs syncs of the targets, scheduled or triggered, never two of the same target at once (one gate per target in
/// this process; for live EHRs the store's run lease also guards against other processes). A run's failure is logged by
/// type and recorded in telemetry, never thrown: the schedule goes on with the next occurrence.
/// </summary>
internal sealed class SyncCoordinator : ISyncTrigger, IDisposable
{
    private readonly SyncTargets _targets;
    private readonly ISyncJob _job;
    private readonly SyncTelemetry _telemetry;
    private readonly SyncRunBoard _board;
    private readonly TimeProvider _time;
    private readonly ILogger<SyncCoordinator> _logger;
    private readonly Dictionary<string, SemaphoreSlim> _gates;
    private readonly ConcurrentDictionary<Task, byte> _background = new();
    private readonly CancellationTokenSource _stopping = new();

    public SyncCoordinator(
        SyncTargets targets, ISyncJob job, SyncTelemetry telemetry, SyncRunBoard board, TimeProvider time, ILogger<SyncCoordinator> logger)
    {
        (_targets, _job, _telemetry, _board, _time, _logger) = (targets, job, telemetry, board, time, logger);
        _gates = targets.Names.ToDictionary(n => n, _ => new SemaphoreSlim(1, 1), StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Targets => _targets.Names;

    /// <inheritdoc/>
    /// <exception cref="OperationCanceledException">The service is stopping: no new run starts.</exception>
    public Task<SyncTriggerResult> TriggerAsync(string? target, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _stopping.Token.ThrowIfCancellationRequested();
        var resolved = target is null ? (_targets.Names.Count == 1 ? _targets.Names[0] : null) : _targets.Find(target);
        if (resolved is null)
        {
            return Task.FromResult(new SyncTriggerResult(SyncTriggerOutcome.UnknownTarget, null));
        }

        var gate = _gates[resolved];
        if (!gate.Wait(0, CancellationToken.None))
        {
            return Task.FromResult(new SyncTriggerResult(SyncTriggerOutcome.AlreadyRunning, resolved));
        }

        var run = Task.Run(() => RunGatedAsync(resolved, "triggered", gate, _stopping.Token), CancellationToken.None);
        _background.TryAdd(run, 0);
        _ = run.ContinueWith(t => _background.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Task.FromResult(new SyncTriggerResult(SyncTriggerOutcome.Started, resolved));
    }

    /// <summary>
    /// Runs a scheduled sync of <paramref name="target"/> to its end, unless one is running in this process (then
    /// <see cref="SyncTriggerOutcome.AlreadyRunning"/>). A run refused because another process holds the EHR's run lease
    /// says when that lease runs out (<see cref="ScheduledRun.LeaseHeldUntil"/>).
    /// </summary>
    public async Task<ScheduledRun> RunScheduledAsync(string target, string trigger, CancellationToken cancellationToken)
    {
        var gate = _gates[target];
        if (_stopping.IsCancellationRequested || !gate.Wait(0, CancellationToken.None))
        {
            return new ScheduledRun(SyncTriggerOutcome.AlreadyRunning);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        return new ScheduledRun(SyncTriggerOutcome.Started, await RunGatedAsync(target, trigger, gate, linked.Token));
    }

    /// <summary>Refuses new runs and asks running ones to stop (between patients).</summary>
    public Task StopAsync() => _stopping.CancelAsync();

    /// <summary>Waits for the triggered runs still going (cancelled by <see cref="StopAsync"/>), or until <paramref name="cancellationToken"/>.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken) => Task.WhenAll(_background.Keys).WaitAsync(cancellationToken);

    public void Dispose()
    {
        _stopping.Dispose();
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }

    private async Task<DateTimeOffset?> RunGatedAsync(string target, string trigger, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        try
        {
            return await RunOneAsync(target, trigger, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs one sync; returns when the run lease that refused it runs out, or null.</summary>
    private async Task<DateTimeOffset?> RunOneAsync(string target, string trigger, CancellationToken cancellationToken)
    {
        using var telemetry = _telemetry.StartRun(target, trigger);
        ServeLog.RunStarting(_logger, target, trigger);
        try
        {
            var report = await _job.RunAsync(target, cancellationToken);
            telemetry.Completed(report);
            _board.Succeeded(target, _time.GetUtcNow());
            ServeLog.RunCompleted(_logger, target, report.PatientsEvaluated, report.Quarantined.Count, report.ExitCode);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            telemetry.Cancelled();
            ServeLog.RunCancelled(_logger, target);
        }
        catch (LiveSyncLeaseException ex)
        {
            // Another process syncs this EHR (or crashed while it did): the caller may try again once its lease runs out.
            telemetry.Failed(ex.GetType().Name);
            var heldUntil = ex.HeldUntil ?? _time.GetUtcNow();
            ServeLog.RunRefusedByLease(_logger, target, heldUntil);
            return heldUntil;
        }
        catch (Exception ex) when (ex is EhrCapabilityException or RunLeaseLostException or FhirEhrException)
        {
            // Messages built from settings, capability names, HTTP statuses and issue codes: no patient data.
            telemetry.Failed(ex.GetType().Name);
            ServeLog.RunFailed(_logger, target, ex.GetType().Name, ex.Message);
        }
        catch (Exception ex) when (ex is SourceFolderException or TerminologyMapException)
        {
            telemetry.Failed(ex.GetType().Name);
            ServeLog.RunFailed(_logger, target, ex.GetType().Name, "see the configuration of the source folder and site maps");
        }
#pragma warning disable CA1031 // The service's line of defence: log the type, keep the schedule going.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var failureType = ex.GetType().FullName ?? ex.GetType().Name;
            telemetry.Failed(ex.GetType().Name);
            ServeLog.RunFailedUnexpectedly(_logger, target, failureType, ex.StackTrace);
        }

        return null;
    }
}

/// <summary>What a scheduled run did.</summary>
/// <param name="Outcome">Started, or not because a run of the target is going on in this process.</param>
/// <param name="LeaseHeldUntil">When it was refused because another process holds the EHR's run lease: when that lease runs out unless renewed.</param>
internal sealed record ScheduledRun(SyncTriggerOutcome Outcome, DateTimeOffset? LeaseHeldUntil = null);
