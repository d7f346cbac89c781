using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Terminology;
using Interop.Fhir.Units;

namespace Interop.Fhir.Mapping;

/// <summary>MedicationAdministration: blinatumomab and induction-drug administrations.</summary>
internal static class AdministrationFactMapper
{
    public static MappedResource Map(MedicationAdministration administration, MappingContext context)
    {
        switch (administration.Medication)
        {
            case CodeableConcept code:
                return DrugOf(code, context.Map) is { } drug ? Build(administration, drug, context) : MappedResource.Irrelevant;

            case ResourceReference { Reference: ['#', .. var containedId] }:
                var contained = administration.Contained.OfType<Medication>().FirstOrDefault(m => m.Id == containedId);
                if (contained is null)
                {
                    return MappedResource.Quarantine(
                        "MedicationAdministration.medicationReference points to a contained Medication that is not there",
                        FhirReferences.PatientId(administration.Subject));
                }

                return DrugOf(contained.Code, context.Map) is { } containedDrug
                    ? Build(administration, containedDrug, context)
                    : MappedResource.Irrelevant;

            case ResourceReference reference when FhirReferences.IdOf(reference, "Medication") is { } medicationId:
                return Await(administration, medicationId, context);

            default:
                return MappedResource.Quarantine(
                    "MedicationAdministration.medication[x] is missing or not a Medication reference",
                    FhirReferences.PatientId(administration.Subject));
        }
    }

    /// <summary>The trial drug class a medication code means (blinatumomab wins over an induction drug).</summary>
    public static DrugClass? DrugOf(CodeableConcept? code, TerminologyMap map)
    {
        DrugClass? found = null;
        foreach (var concept in map.ResolveAll(code))
        {
            if (concept == InputConcept.Blinatumomab)
            {
                return DrugClass.Blinatumomab;
            }

            if (concept == InputConcept.InductionDrug)
            {
                found = DrugClass.InductionDrug;
            }
        }

        return found;
    }

    private static MappedResource Await(MedicationAdministration administration, string medicationId, MappingContext context)
    {
        // The drug class is provisional: the assembler replaces it, or discards the administration, once the Medication is known.
        var built = Build(administration, DrugClass.Blinatumomab, context);
        return built switch
        {
            MappedFacts facts => new AwaitingMedication(facts.PatientId, medicationId, facts.Administrations[0], null) { Warnings = facts.Warnings },
            QuarantinedResource q => new AwaitingMedication(q.PatientId, medicationId, null, q.Reason),
            _ => built,
        };
    }

    private static MappedResource Build(MedicationAdministration administration, DrugClass drug, MappingContext context)
    {
        if (administration.Status == MedicationAdministration.MedicationAdministrationStatusCodes.EnteredInError)
        {
            return MappedResource.Dropped("MedicationAdministration.status is entered-in-error");
        }

        var patientId = FhirReferences.PatientId(administration.Subject);
        if (patientId is null)
        {
            return MappedResource.Quarantine("MedicationAdministration.subject is missing or not a Patient reference");
        }

        if (string.IsNullOrEmpty(administration.Id))
        {
            return MappedResource.Quarantine("MedicationAdministration.id is missing", patientId);
        }

        if (StatusOf(administration.Status) is not { } status)
        {
            return MappedResource.Quarantine("MedicationAdministration.status is missing", patientId);
        }

        var couldScreen = drug == DrugClass.Blinatumomab;
        var (start, end, timeProblem) = Times(administration.Effective, context.Zone);
        if (timeProblem is not null)
        {
            return new QuarantinedResource("MedicationAdministration." + timeProblem, patientId) { CouldScreen = couldScreen };
        }

        var dose = Dose(administration.Dosage?.Dose);
        if (dose.Problem is not null)
        {
            return new QuarantinedResource("MedicationAdministration." + dose.Problem, patientId) { CouldScreen = couldScreen };
        }

        var adverse = administration.StatusReason.Any(r => context.Map.ResolveAll(r).Contains(InputConcept.AdverseReaction));
        var fact = new DrugAdministration(
            drug, status, start!.Value.At, end?.At, start.Value.Date, dose.Micrograms, dose.PerSquareMetre, adverse, MappingContext.Evidence(administration));
        return MappedFacts.Of(patientId, fact);
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

    private static (decimal? Micrograms, decimal? PerSquareMetre, string? Problem) Dose(Quantity? dose)
    {
        if (dose?.Value is not { } value)
        {
            return (null, null, null);
        }

        if (dose.System != UcumConverter.System || string.IsNullOrWhiteSpace(dose.Code))
        {
            return (null, null, $"dosage.dose unit not coded in UCUM (system {UcumConverter.System} and a code are required)");
        }

        if (UcumConverter.TryConvert(value, dose.Code, "ug", out var micrograms))
        {
            return (micrograms, null, null);
        }

        if (UcumConverter.TryConvert(value, dose.Code, "ug/m2", out var perSquareMetre))
        {
            return (null, perSquareMetre, null);
        }

        // The code is the sender's text: never repeated.
        return (null, null, "dosage.dose.code is neither a mass nor a mass per m2 (a UCUM unit convertible to 'ug' or 'ug/m2')");
    }
}
