namespace Interop.Worker.Serve;

/// <summary>Starts a sync now (<c>POST /api/v1/runs</c>), on top of the schedule, never beside a running one.</summary>
public interface ISyncTrigger
{
    /// <summary>The sync targets: each configured EHR's name, or <c>file</c> when none is configured (the NDJSON source).</summary>
    IReadOnlyList<string> Targets { get; }

    /// <summary>Starts a sync of <paramref name="target"/> in the background unless one is running.</summary>
    /// <param name="target">A name from <see cref="Targets"/>; null for the only target (ambiguous when there are several).</param>
    /// <param name="cancellationToken">Cancels the trigger, not the sync it started.</param>
    Task<SyncTriggerResult> TriggerAsync(string? target, CancellationToken cancellationToken);
}

/// <summary>What a trigger did.</summary>
public enum SyncTriggerOutcome
{
    /// <summary>A sync of the target started.</summary>
    Started,

    /// <summary>A sync of the target is already running; nothing was started.</summary>
    AlreadyRunning,

    /// <summary>No such target (or none named where several exist).</summary>
    UnknownTarget,
}

/// <param name="Outcome">Started, already running or unknown target.</param>
/// <param name="Target">The resolved target, when known.</param>
public sealed record SyncTriggerResult(SyncTriggerOutcome Outcome, string? Target);
