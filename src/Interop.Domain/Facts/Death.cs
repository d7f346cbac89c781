namespace Interop.Domain.Facts;

/// <summary>The patient died.</summary>
/// <param name="Date">The date of death, when recorded (deceasedDateTime); null for deceasedBoolean.</param>
/// <param name="RecordedUnrelatedToBlinatumomab">True only when the EHR explicitly records the death as unrelated to blinatumomab.</param>
/// <param name="Evidence">The Patient (or other resource) recording the death.</param>
public sealed record Death(DateOnly? Date, bool RecordedUnrelatedToBlinatumomab, EvidenceRef Evidence);
