namespace Interop.Sync.Live;

/// <summary>
/// How live write-back checks the EHR's state against its ledger (section <c>WriteBack</c>; ADR 0007): the drift scan,
/// the periodic full reconcile, retries of a write whose outcome is unknown, and when a blocked patient is parked.
/// </summary>
public sealed class WriteBackOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "WriteBack";

    /// <summary>
    /// How often a run compares every outcome on the server with the ledger (finding deletions the incremental scan cannot
    /// see when the counts happen to agree). Default 7 days; a count mismatch forces one at once.
    /// </summary>
    public TimeSpan FullReconcileInterval { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Attempts per patient and run when a transaction's outcome is unknown (no answer, 5xx) or it met a version
    /// conflict (412); each attempt after the first reconciles with the server first. Default 3.
    /// </summary>
    public int WriteAttempts { get; set; } = 3;

    /// <summary>
    /// Runs a patient whose outcome identifier is carried by two or more server resources is tried before it is parked
    /// (no more writes until the duplicate is removed by hand; readiness degraded meanwhile). Default 3.
    /// </summary>
    public int DuplicateMaxAttempts { get; set; } = 3;

    /// <summary>Page size (<c>_count</c>) of the drift scan's searches on the outcome identifier system. Default 1000.</summary>
    public int ScanPageSize { get; set; } = 1000;

    /// <summary>One message per problem, naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (FullReconcileInterval < TimeSpan.FromMinutes(1) || FullReconcileInterval > TimeSpan.FromDays(365))
        {
            errors.Add($"{SectionName}:{nameof(FullReconcileInterval)} must be between 00:01:00 and 365.00:00:00");
        }

        if (WriteAttempts is < 1 or > 10)
        {
            errors.Add($"{SectionName}:{nameof(WriteAttempts)} must be 1-10");
        }

        if (DuplicateMaxAttempts is < 1 or > 100)
        {
            errors.Add($"{SectionName}:{nameof(DuplicateMaxAttempts)} must be 1-100");
        }

        if (ScanPageSize is < 10 or > 5000)
        {
            errors.Add($"{SectionName}:{nameof(ScanPageSize)} must be 10-5000");
        }

        return errors;
    }
}
