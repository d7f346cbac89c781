namespace Interop.Domain.Facts;

/// <summary>Everything known about one person (merged records already folded in), as domain facts.</summary>
/// <param name="PatientId">The surviving Patient's logical id.</param>
/// <param name="BirthDate">Patient.birthDate, when a full date.</param>
/// <param name="Death">Death, when recorded.</param>
/// <param name="PatientEvidence">The Patient resources (surviving and merged) this record stands on.</param>
/// <param name="Diagnoses">ALL Conditions.</param>
/// <param name="Labs">Usable measurements.</param>
/// <param name="Administrations">Blinatumomab and induction-drug administrations.</param>
public sealed record PatientRecord(
    string PatientId,
    DateOnly? BirthDate,
    Death? Death,
    IReadOnlyList<EvidenceRef> PatientEvidence,
    IReadOnlyList<Diagnosis> Diagnoses,
    IReadOnlyList<LabResult> Labs,
    IReadOnlyList<DrugAdministration> Administrations);
