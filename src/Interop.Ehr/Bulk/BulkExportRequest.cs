namespace Interop.Ehr.Bulk;

/// <summary>What the caller wants exported.</summary>
/// <param name="Types">The resource types the rules read; <c>_type</c> is limited to them.</param>
/// <param name="Since">The watermark: only resources changed after it (<c>_since</c>), when the server supports it; null for everything.</param>
/// <param name="TypeFilters">
/// <c>_typeFilter</c> queries (<c>Observation?code=http://loinc.org|26464-8</c>), sent only where the server declares support:
/// they narrow the export, the rules never depend on them.
/// </param>
public sealed record BulkExportRequest(IReadOnlyList<string> Types, DateTimeOffset? Since, IReadOnlyList<string> TypeFilters)
{
    /// <summary>A stable key of the request's shape (types and filters, not the watermark): a saved job is resumed only for the same shape.</summary>
    public string Shape => string.Join(',', Types.Order(StringComparer.Ordinal)) + "|" + string.Join('&', TypeFilters.Order(StringComparer.Ordinal));
}

/// <summary>A kicked-off export.</summary>
/// <param name="StatusUrl">Where its status is polled (the kick-off's Content-Location).</param>
/// <param name="Types">The types in its <c>_type</c>.</param>
/// <param name="SinceSent">Whether <c>_since</c> was sent; false means a full export (the ledger then finds what changed).</param>
/// <param name="TypeFilterSent">Whether <c>_typeFilter</c> was sent.</param>
/// <param name="TypesByRest">Types asked for but missing from the server's export: the caller fetches them by REST for the candidates.</param>
public sealed record BulkKickOff(Uri StatusUrl, IReadOnlyList<string> Types, bool SinceSent, bool TypeFilterSent, IReadOnlyList<string> TypesByRest);
