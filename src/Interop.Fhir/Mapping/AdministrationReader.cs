using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Terminology;

namespace Interop.Fhir.Mapping;

/// <summary>One MedicationAdministration read, its drug aside: whose, the fact (drug provisional) and its dosage as read.</summary>
internal sealed record AdministrationReading(string PatientId, DrugAdministration Administration, DosageReading Dosage);

/// <summary>
/// Reads what every MedicationAdministration has, whatever its drug: status, subject, id, effective[x] (start and the end
/// when recorded: an effectiveDateTime is the start; docs/reading-contract.md, "Administration timing"), dosage and a
/// status reason meaning an adverse reaction.
/// </summary>
internal static class AdministrationReader
{
    /// <summary>The reading, or what to do instead (dropped, or quarantined with <paramref name="couldScreen"/>).</summary>
    public static (AdministrationReading? Reading, MappedResource? Instead) Read(
        MedicationAdministration administration, DrugClass drug, bool couldScreen, MappingContext context)
    {
        if (administration.Status == MedicationAdministration.MedicationAdministrationStatusCodes.EnteredInError)
        {
            return (null, MappedResource.Dropped("MedicationAdministration.status is entered-in-error"));
        }

        var patientId = FhirReferences.PatientId(administration.Subject);
        if (patientId is null)
        {
            return (null, new QuarantinedResource("MedicationAdministration.subject is missing or not a Patient reference", null) { CouldScreen = couldScreen });
        }

        if (string.IsNullOrEmpty(administration.Id))
        {
            return (null, new QuarantinedResource("MedicationAdministration.id is missing", patientId) { CouldScreen = couldScreen });
        }

        if (StatusOf(administration.Status) is not { } status)
        {
            return (null, new QuarantinedResource("MedicationAdministration.status is missing", patientId) { CouldScreen = couldScreen });
        }

        var (start, end, timeProblem) = Times(administration.Effective, context.Zone);
        if (timeProblem is not null)
        {
            return (null, new QuarantinedResource("MedicationAdministration." + timeProblem, patientId) { CouldScreen = couldScreen });
        }

        var (dosage, doseProblem) = DosageReader.Read(administration.Dosage);
        if (dosage is null)
        {
            return (null, new QuarantinedResource("MedicationAdministration." + doseProblem, patientId) { CouldScreen = couldScreen });
        }

        var adverse = administration.StatusReason.Any(r => context.Map.ResolveAll(r).Contains(InputConcept.AdverseReaction));
        var fact = new DrugAdministration(
            drug, status, start!.Value.At, end?.At, start.Value.Date, null, null, adverse, MappingContext.Evidence(administration));
        return (new AdministrationReading(patientId, fact, dosage), null);
    }

    private static AdministrationStatus? StatusOf(MedicationAdministration.MedicationAdministrationStatusCodes? status) => status switch
    {
        MedicationAdministration.MedicationAdministrationStatusCodes.Completed => AdministrationStatus.Completed,
        MedicationAdministration.MedicationAdministrationStatusCodes.InProgress => AdministrationStatus.InProgress,
        MedicationAdministration.MedicationAdministrationStatusCodes.Stopped => AdministrationStatus.Stopped,
        MedicationAdministration.MedicationAdministrationStatusCodes.NotDone => AdministrationStatus.NotDone,
        MedicationAdministration.MedicationAdministrationStatusCodes.OnHold => AdministrationStatus.OnHold,
        MedicationAdministration.MedicationAdministrationStatusCodes.Unknown => AdministrationStatus.Unknown,
        _ => null,
    };

    private static (FhirMoment? Start, FhirMoment? End, string? Problem) Times(DataType? effective, TimeZoneInfo zone)
    {
        switch (effective)
        {
            case FhirDateTime at:
                return FhirDates.Parse(at.Value, zone) is { } point
                    ? (point, null, null)
                    : (null, null, "effectiveDateTime is not a full date");
            case Period period:
                var start = FhirDates.Parse(period.Start, zone);
                if (start is null)
                {
                    return (null, null, "effectivePeriod.start is missing or not a full date");
                }

                var end = FhirDates.Parse(period.End, zone);
                if (period.End is not null && end is null)
                {
                    return (null, null, "effectivePeriod.end is not a full date");
                }

                return (start, end, null);
            default:
                return (null, null, "effective[x] is missing");
        }
    }
}
