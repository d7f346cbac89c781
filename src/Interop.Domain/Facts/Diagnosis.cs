namespace Interop.Domain.Facts;

/// <summary>The lineage an ALL diagnosis was coded with.</summary>
public enum DiagnosisKind
{
    /// <summary>B-precursor / B-cell ALL.</summary>
    BPrecursorAll,

    /// <summary>ALL with the lineage not stated; B-lineage then needs CD19-positive blasts.</summary>
    AllUnspecifiedLineage,
}

/// <summary>An ALL Condition as the EHR recorded it.</summary>
/// <param name="Kind">The lineage coded.</param>
/// <param name="IsRelapse">True when the Condition records a relapse (clinical status relapse/recurrence, or a code "in relapse").</param>
/// <param name="Onset">onsetDateTime or onsetPeriod.start as a calendar date.</param>
/// <param name="Recorded">recordedDate as a calendar date.</param>
/// <param name="Evidence">The Condition.</param>
public sealed record Diagnosis(DiagnosisKind Kind, bool IsRelapse, DateOnly? Onset, DateOnly? Recorded, EvidenceRef Evidence)
{
    /// <summary>Onset, else recorded date.</summary>
    public DateOnly? Date => Onset ?? Recorded;
}
