using System.Collections.Concurrent;

namespace Interop.Worker.Serve;

/// <summary>When each target last finished a successful (completed) run, in memory: seeded from the run history at start.</summary>
internal sealed class SyncRunBoard
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSuccess = new(StringComparer.Ordinal);

    /// <summary>Records a successful run that finished at <paramref name="finishedAt"/> (an earlier instant never replaces a later one).</summary>
    public void Succeeded(string target, DateTimeOffset finishedAt) =>
        _lastSuccess.AddOrUpdate(target, finishedAt, (_, known) => finishedAt > known ? finishedAt : known);

    public IReadOnlyDictionary<string, DateTimeOffset> Snapshot() => new Dictionary<string, DateTimeOffset>(_lastSuccess, StringComparer.Ordinal);
}
