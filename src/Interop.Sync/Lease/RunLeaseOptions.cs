namespace Interop.Sync.Lease;

/// <summary>
/// How a run shows it is alive (section <c>RunLease</c>): every run holds a lease on its run-history row, and a live sync
/// also the EHR's run lease (one sync per EHR at a time); a heartbeat renews both every <see cref="RenewInterval"/> while
/// the run is alive. A run whose process is gone stops renewing, so it blocks the next sync for at most <see cref="Ttl"/>
/// and its row reads as <c>abandoned</c> from then on.
/// </summary>
public sealed class RunLeaseOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "RunLease";

    /// <summary>The shortest lease accepted: a renewal is a database round trip, which must fit in it with room to spare.</summary>
    public static readonly TimeSpan MinTtl = TimeSpan.FromSeconds(10);

    /// <summary>The longest lease accepted: a crashed run blocks the next sync for up to this long.</summary>
    public static readonly TimeSpan MaxTtl = TimeSpan.FromHours(1);

    /// <summary>How long a lease lasts from its last renewal (default 2 minutes).</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the heartbeat renews it (default 30 s: three renewals may fail before the lease runs out).</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One message per problem, naming the setting by its full path.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Ttl < MinTtl || Ttl > MaxTtl)
        {
            errors.Add($"{SectionName}:{nameof(Ttl)} must be between {MinTtl} and {MaxTtl}");
        }

        // Two renewals per lease at least, so that one slow or failed renewal does not lose it.
        if (RenewInterval < TimeSpan.FromSeconds(1) || RenewInterval * 2 > Ttl)
        {
            errors.Add($"{SectionName}:{nameof(RenewInterval)} must be at least 00:00:01 and at most half of {SectionName}:{nameof(Ttl)}");
        }

        return errors;
    }
}
