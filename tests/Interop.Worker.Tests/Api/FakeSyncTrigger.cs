using Interop.Worker.Serve;

namespace Interop.Worker.Tests.Api;

/// <summary>Targets <c>epic</c> and <c>file</c>; a target in <see cref="Running"/> answers AlreadyRunning.</summary>
internal sealed class FakeSyncTrigger : ISyncTrigger
{
    private readonly List<string?> _requests = [];

    public IReadOnlyList<string> Targets { get; } = ["epic", "file"];

    public HashSet<string> Running { get; } = new(StringComparer.Ordinal);

    /// <summary>Targets whose trigger behaves as during shutdown (the coordinator throws OperationCanceledException).</summary>
    public HashSet<string> Stopping { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string?> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public Task<SyncTriggerResult> TriggerAsync(string? target, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add(target);
        }

        if (target is not null && Stopping.Contains(target))
        {
            throw new OperationCanceledException("stopping");
        }

        if (target is null || !Targets.Contains(target))
        {
            return Task.FromResult(new SyncTriggerResult(SyncTriggerOutcome.UnknownTarget, null));
        }

        return Task.FromResult(new SyncTriggerResult(
            Running.Contains(target) ? SyncTriggerOutcome.AlreadyRunning : SyncTriggerOutcome.Started, target));
    }
}
