using Hl7.Fhir.Model;
using Interop.Fhir.Mapping;
using Interop.Fhir.Terminology;
using Interop.Testing;

namespace Interop.Fhir.Tests.Mapping;

/// <summary>Shared map, zone and small FHIR builders for the mapping tests.</summary>
internal static class MappingFixture
{
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string LocalLab = "http://hospital.example.org/CodeSystem/lab-local";

    public static TimeZoneInfo Amsterdam { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static TerminologyMap SiteMap { get; } = TerminologyMap.Load([FhirSamples.PathOf("Mapping/conceptmap-site.json")]);

    public static FhirFactMapper Mapper { get; } = new(SiteMap, Amsterdam);

    public static MappedResource Map(Resource resource) => Mapper.Map(resource, "test.ndjson:1");

    /// <summary>Maps with the site's reading options (text answers, MRD notations, unit maps).</summary>
    public static MappedResource Map(Resource resource, ReadingOptions reading) => new FhirFactMapper(SiteMap, Amsterdam, reading).Map(resource, "test.ndjson:1");

    public static T MapAs<T>(Resource resource, ReadingOptions reading)
        where T : MappedResource => Assert.IsType<T>(Map(resource, reading));

    public static T MapAs<T>(Resource resource)
        where T : MappedResource
    {
        var mapped = Map(resource);
        return Assert.IsType<T>(mapped);
    }

    public static Interop.Domain.Facts.LabResult Lab(Resource resource) => Assert.Single(MapAs<MappedFacts>(resource).Labs);

    public static CodeableConcept Code(string system, string code) => new(system, code);

    public static Observation Observation(
        string system,
        string code,
        DataType? value,
        ObservationStatus status = ObservationStatus.Final,
        string id = "obs-1",
        string effective = "2024-01-10T09:00:00+01:00") => new()
        {
            Id = id,
            Status = status,
            Code = Code(system, code),
            Subject = new ResourceReference("Patient/pat-1"),
            Effective = new FhirDateTime(effective),
            Value = value,
        };

    public static Quantity Quantity(decimal value, string ucumCode, string? system = Ucum) =>
        new() { Value = value, Unit = ucumCode, System = system, Code = ucumCode };

    public static Condition Condition(string system, string code, string id = "cond-1", string subject = "Patient/pat-1") => new()
    {
        Id = id,
        Code = Code(system, code),
        Subject = new ResourceReference(subject),
        Onset = new FhirDateTime("2023-09-01"),
    };

    public static MedicationAdministration Administration(
        DataType medication,
        string id = "ma-1",
        string subject = "Patient/pat-1",
        MedicationAdministration.MedicationAdministrationStatusCodes status = MedicationAdministration.MedicationAdministrationStatusCodes.Completed,
        Quantity? dose = null) => new()
        {
            Id = id,
            Status = status,
            Medication = medication,
            Subject = new ResourceReference(subject),
            Effective = new Period(new FhirDateTime("2024-02-01T08:00:00+01:00"), new FhirDateTime("2024-02-02T08:00:00+01:00")),
            Dosage = dose is null ? null : new MedicationAdministration.DosageComponent { Dose = dose },
        };

    public static CodeableConcept Blinatumomab => Code("http://www.whocc.no/atc", "L01FX07");

    public static Patient Patient(string id, string? birthDate = "2023-05-14", params (string Other, Patient.LinkType Type)[] links)
    {
        var patient = new Patient { Id = id, BirthDate = birthDate };
        foreach (var (other, type) in links)
        {
            patient.Link.Add(new Patient.LinkComponent { Other = new ResourceReference("Patient/" + other), Type = type });
        }

        return patient;
    }
}
