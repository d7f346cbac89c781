namespace Interop.Domain.Facts;

/// <summary>Which drug an administration gave, as far as the trial cares.</summary>
public enum DrugClass
{
    /// <summary>Blinatumomab.</summary>
    Blinatumomab,

    /// <summary>An Interfant-06 induction drug.</summary>
    InductionDrug,
}

/// <summary>MedicationAdministration.status, reduced to what the rules need.</summary>
public enum AdministrationStatus
{
    /// <summary>completed.</summary>
    Completed,

    /// <summary>in-progress.</summary>
    InProgress,

    /// <summary>stopped: counts up to its end.</summary>
    Stopped,

    /// <summary>not-done.</summary>
    NotDone,

    /// <summary>on-hold.</summary>
    OnHold,

    /// <summary>unknown.</summary>
    Unknown,
}

/// <summary>One drug administration (for a continuous infusion, typically one bag).</summary>
/// <param name="Drug">The drug class.</param>
/// <param name="Status">The status.</param>
/// <param name="Start">effectiveDateTime, or effectivePeriod.start.</param>
/// <param name="End">effectivePeriod.end; null when not recorded (while it runs, an open effectivePeriod, or effectiveDateTime).</param>
/// <param name="StartDate">The calendar date of <paramref name="Start"/> as the EHR recorded it.</param>
/// <param name="DoseMicrograms">dosage.dose converted to micrograms, when given as a mass.</param>
/// <param name="DoseMicrogramsPerSquareMetre">dosage.dose when the EHR gave it per m2 already.</param>
/// <param name="StoppedForAdverseReaction">statusReason is an adverse reaction.</param>
/// <param name="Evidence">The MedicationAdministration.</param>
public sealed record DrugAdministration(
    DrugClass Drug,
    AdministrationStatus Status,
    DateTimeOffset Start,
    DateTimeOffset? End,
    DateOnly StartDate,
    decimal? DoseMicrograms,
    decimal? DoseMicrogramsPerSquareMetre,
    bool StoppedForAdverseReaction,
    EvidenceRef Evidence)
{
    /// <summary>
    /// dosage.rate[x] as an amount per day, when no dose is recorded as an amount; the course turns it into a dose over the
    /// time the administration ran (only when that time was recorded, not inferred).
    /// </summary>
    public DoseRate? Rate { get; init; }

    /// <summary>
    /// The dosage was recorded but cannot be read as an amount (e.g. a volume per hour without a concentration): the mapper
    /// said why, and the course's cumulative dose is unknown rather than smaller.
    /// </summary>
    public bool DoseUnreadable { get; init; }

    /// <summary>completed, in-progress or stopped: the administration actually ran.</summary>
    public bool Ran => Status is AdministrationStatus.Completed or AdministrationStatus.InProgress or AdministrationStatus.Stopped;
}
