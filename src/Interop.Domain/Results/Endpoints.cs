using Interop.Domain.Facts;

namespace Interop.Domain.Results;

/// <summary>Primary (safety) endpoint: a blinatumomab-attributable toxic effect led to death or permanent discontinuation.</summary>
public sealed record PrimaryEndpointResult(bool Event, string Reason, IReadOnlyList<EvidenceRef> Evidence);

/// <summary>Disease-free survival status.</summary>
public enum DfsStatus
{
    EventFree,
    Relapse,
    Death,
}

/// <summary>Where a relapse happened.</summary>
public enum RelapseSite
{
    BoneMarrow,
    Cns,
    Combined,
}

/// <summary>Disease-free survival.</summary>
/// <param name="Status">Event-free, relapse or death.</param>
/// <param name="Origin">Start of the survival time (blinatumomab start, or diagnosis by configuration).</param>
/// <param name="EffectiveDate">The event date, or the as-of date when event-free; null for a death without a date.</param>
/// <param name="Site">The relapse site.</param>
/// <param name="Evidence">The records used.</param>
public sealed record DfsResult(DfsStatus Status, DateOnly Origin, DateOnly? EffectiveDate, RelapseSite? Site, IReadOnlyList<EvidenceRef> Evidence);

/// <summary>Overall survival status.</summary>
public enum OsStatus
{
    Alive,
    Deceased,
}

/// <summary>Overall survival.</summary>
/// <param name="Status">Alive or deceased.</param>
/// <param name="Origin">Start of the survival time.</param>
/// <param name="EffectiveDate">Death date, or the as-of date when alive; null for a death without a date.</param>
/// <param name="Evidence">The records used.</param>
public sealed record OsResult(OsStatus Status, DateOnly Origin, DateOnly? EffectiveDate, IReadOnlyList<EvidenceRef> Evidence);
