using Interop.Sync;

namespace Interop.Worker.Serve;

/// <summary>Runs one sync of one target now and returns its report (the seam the schedule tests replace).</summary>
internal interface ISyncJob
{
    /// <param name="target">A name from <see cref="SyncTargets"/>.</param>
    /// <param name="cancellationToken">Stops the sync between patients.</param>
    Task<RunReport> RunAsync(string target, CancellationToken cancellationToken);
}
