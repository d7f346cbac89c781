using Interop.Domain.Facts;

namespace Interop.Domain.Results;

/// <summary>State of the blinatumomab course.</summary>
public enum CourseState
{
    NotStarted,
    InProgress,
    Completed,
    DiscontinuedToxicity,
    DiscontinuedOther,
}

/// <summary>The blinatumomab course as read from administrations.</summary>
/// <param name="State">The course state.</param>
/// <param name="InfusionDays">Whole days covered by administrations that ran (overlaps merged, rounded down).</param>
/// <param name="CumulativeDosePerSquareMetre">Micrograms per m2, null when any administration's dose or the BSA is missing (see <see cref="CumulativeDoseUnknown"/>).</param>
/// <param name="Interruptions">Gaps of more than the configured hours between consecutive administrations.</param>
/// <param name="FirstStart">Start of the first administration that ran.</param>
/// <param name="LastEnd">End of the last administration that ran (as-of for one still running).</param>
/// <param name="Evidence">The administrations and BSA results used.</param>
public sealed record CourseResult(
    CourseState State,
    int InfusionDays,
    decimal? CumulativeDosePerSquareMetre,
    int Interruptions,
    DateTimeOffset? FirstStart,
    DateTimeOffset? LastEnd,
    IReadOnlyList<EvidenceRef> Evidence)
{
    /// <summary>Why the cumulative dose of a started course is unknown; null when it is known or the course has not started.</summary>
    public DoseUnknownReason? CumulativeDoseUnknown { get; init; }

    /// <summary>True once any blinatumomab administration ran.</summary>
    public bool Started => State != CourseState.NotStarted;
}

/// <summary>Why a started course's cumulative dose cannot be given (the first administration that made it unknown decides).</summary>
public enum DoseUnknownReason
{
    /// <summary>An administration records neither a dose nor a rate.</summary>
    DoseNotRecorded,

    /// <summary>A dose in micrograms, and no body-surface area to express it per m2.</summary>
    BodySurfaceAreaMissing,

    /// <summary>A dose given only as a rate, on an administration whose end was not recorded (its duration was inferred).</summary>
    RateWithoutRecordedEnd,

    /// <summary>The dosage was recorded in a form that cannot be read as an amount (the record's mapping warning says why).</summary>
    DoseNotReadable,
}
