using Interop.Store;

namespace Interop.Worker.Serve;

/// <summary>What the run history says about a target's scheduled runs (dry runs from the CLI do not count).</summary>
internal static class TargetRunHistory
{
    /// <summary>How many of the newest runs are looked at; a target whose last this-many runs all failed counts as never completed.</summary>
    public const int Window = 50;

    /// <summary>The newest completed run and the newest finished or running run that is not a dry run.</summary>
    public static async Task<TargetRuns> ReadAsync(StateStore store, string target, CancellationToken cancellationToken)
    {
        var page = await store.ListRunsAsync(target, 0, Window, cancellationToken);
        var real = page.Items.Where(r => r.Mode != SyncRunMode.DryRun).ToList();
        return new TargetRuns(real.FirstOrDefault(r => r.Status == SyncRunStatus.Completed), real.FirstOrDefault());
    }
}

/// <param name="LastCompleted">The newest completed run, or null.</param>
/// <param name="Latest">The newest run of any status, or null.</param>
internal sealed record TargetRuns(SyncRun? LastCompleted, SyncRun? Latest);
