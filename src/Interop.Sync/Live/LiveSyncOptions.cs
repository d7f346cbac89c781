namespace Interop.Sync.Live;

/// <summary>Tuning of the live sync (defaults suit any EHR; not bound from configuration yet); the run lease has its own, <see cref="Lease.RunLeaseOptions"/>.</summary>
public sealed class LiveSyncOptions
{
    /// <summary>Codes per discovery search (OR-list), keeping URLs short (default 30, about 2 KB).</summary>
    public int CodesPerSearch { get; set; } = 30;

    /// <summary>Page size asked for with <c>_count</c> (default 200).</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>Subtracted from the run's start before it becomes the watermark, for clock skew (default 1 s).</summary>
    public TimeSpan ClockSkewMargin { get; set; } = TimeSpan.FromSeconds(1);
}
