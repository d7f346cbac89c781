using Hl7.Fhir.Model;

namespace Interop.SyntheticCohort;

/// <summary>Small constructors for the FHIR elements the generator writes.</summary>
internal static class Fhir
{
    public static CodeableConcept Concept(string system, string code, string display) =>
        new() { Coding = [new Coding(system, code, display)] };

    public static Quantity Ucum(decimal value, string code, string? unit = null) =>
        new() { Value = value, Unit = unit ?? code, System = Codes.Ucum, Code = code };

    public static Meta Version(int version) => new() { VersionId = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public static ResourceReference Ref(string patientId) => new($"Patient/{patientId}");

    public static Observation Observation(string id, string patientId, CodeableConcept code, string category, string effective, ObservationStatus status = ObservationStatus.Final, int version = 1) =>
        new()
        {
            Id = id,
            Meta = Version(version),
            Status = status,
            Category = [Concept(Codes.ObservationCategory, category, category == "laboratory" ? "Laboratory" : "Vital Signs")],
            Code = code,
            Subject = Ref(patientId),
            Effective = new FhirDateTime(effective),
        };

    public static MedicationAdministration Administration(string id, string patientId, CodeableConcept medication, DataType effective, MedicationAdministration.MedicationAdministrationStatusCodes status = MedicationAdministration.MedicationAdministrationStatusCodes.Completed) =>
        new()
        {
            Id = id,
            Meta = Version(1),
            Status = status,
            Medication = medication,
            Subject = Ref(patientId),
            Effective = effective,
        };

    public static Period Period(string start, string end) => new() { StartElement = new FhirDateTime(start), EndElement = new FhirDateTime(end) };
}
