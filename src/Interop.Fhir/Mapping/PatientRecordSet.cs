using Interop.Domain.Facts;

namespace Interop.Fhir.Mapping;

/// <summary>One screened person's facts, with the records of theirs that were quarantined.</summary>
/// <param name="Record">The facts, under the surviving Patient id.</param>
/// <param name="Quarantined">Records attributed to this person that were set aside; when any, no outcome is written for them this run.</param>
public sealed record PatientRecordSet(PatientRecord Record, IReadOnlyList<QuarantineEntry> Quarantined)
{
    /// <summary>Records of this person read under a fallback rule or ignored (outcomes are still written).</summary>
    public IReadOnlyList<WarningEntry> Warnings { get; init; } = [];
}
