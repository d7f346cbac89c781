namespace Interop.Fhir.Mapping;

/// <summary>The outcome of reading an export: the screened people and everything set aside.</summary>
/// <param name="Patients">Screened people only (an ALL diagnosis, incl. relapse, or a blinatumomab administration), sorted by PatientId (ordinal).</param>
/// <param name="Quarantined">Every quarantined record, attributed or not, in input order (attributed ones carry the surviving Patient id).</param>
/// <param name="ResourcesRead">Resources passed to <see cref="PatientRecordAssembler.Add(Hl7.Fhir.Model.Resource, string)"/>.</param>
/// <param name="IrrelevantResources">Resources that say nothing the trial reads.</param>
/// <param name="PatientsSeen">Distinct persons (after merges) with a Patient resource or any mapped record.</param>
public sealed record AssemblyResult(
    IReadOnlyList<PatientRecordSet> Patients,
    IReadOnlyList<QuarantineEntry> Quarantined,
    int ResourcesRead,
    int IrrelevantResources,
    int PatientsSeen)
{
    /// <summary>Every mapping warning, in input order, attributed to surviving Patient ids.</summary>
    public IReadOnlyList<WarningEntry> Warnings { get; init; } = [];

    /// <summary>True when a quarantined record can affect an outcome (every entry but those <see cref="QuarantineEntry.OutsideScreening"/>).</summary>
    public bool HasQuarantineAffectingOutcomes => Quarantined.Any(q => !q.OutsideScreening);
}
