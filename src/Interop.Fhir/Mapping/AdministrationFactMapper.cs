using Hl7.Fhir.Model;
using Interop.Domain.Facts;

namespace Interop.Fhir.Mapping;

/// <summary>
/// MedicationAdministration: blinatumomab and induction-drug administrations. The drug comes from medicationCodeableConcept,
/// or from the Medication it references (contained, or a resource of the export that the assembler resolves), by the
/// Medication's code or any ingredient's (docs/reading-contract.md, "Medication").
/// </summary>
internal static class AdministrationFactMapper
{
    /// <summary>Rule code: not mapped to a trial drug, but its words name blinatumomab.</summary>
    public const string UnmappedBlinatumomabLike = "unmapped-blinatumomab-like-medication";

    /// <summary>The warning's detail (shared with the assembler, which raises it for a referenced Medication).</summary>
    public const string UnmappedBlinatumomabLikeDetail =
        "The administration's medication code is not mapped to blinatumomab, but its text names blinatumomab: it is not counted. "
        + "Map its code (medicationCodeableConcept, Medication.code or an ingredient's code) to the input concept 'blinatumomab' in the site ConceptMap.";

    public static MappedResource Map(MedicationAdministration administration, MappingContext context)
    {
        switch (administration.Medication)
        {
            case CodeableConcept code:
                return MedicationReader.DrugOf(code, context.Map) is { } drug
                    ? Build(administration, drug, null, context)
                    : NotTrialDrug(administration, BlinatumomabText.In(code, context.Reading));

            case ResourceReference { Reference: ['#', .. var containedId] } reference:
                var contained = administration.Contained.OfType<Medication>().FirstOrDefault(m => m.Id == containedId);
                if (contained is null)
                {
                    return MappedResource.Quarantine(
                        "MedicationAdministration.medicationReference points to a contained Medication that is not there",
                        FhirReferences.PatientId(administration.Subject));
                }

                var info = MedicationReader.Read("#" + containedId, contained, administration.Contained, context);
                if (info.Drug != DrugClass.Blinatumomab && info.IngredientReferences.Count > 0)
                {
                    var pending = Await(administration, info.MedicationId, reference, context);
                    return pending is AwaitingMedication awaiting ? awaiting with { Contained = info } : pending;
                }

                if (info.Drug is { } containedDrug)
                {
                    return Build(administration, containedDrug, info.MicrogramsPerMillilitre, context);
                }

                return info.HasDanglingIngredient
                    ? MappedResource.Quarantine(
                        "MedicationAdministration: its contained Medication's ingredient (Medication.ingredient.itemReference) points to a contained resource that is not there",
                        FhirReferences.PatientId(administration.Subject))
                    : NotTrialDrug(administration, info.LooksLikeBlinatumomab || BlinatumomabText.In(reference.Display, context.Reading));

            case ResourceReference reference when FhirReferences.IdOf(reference, "Medication") is { } medicationId:
                return Await(administration, medicationId, reference, context);

            default:
                return MappedResource.Quarantine(
                    "MedicationAdministration.medication[x] is missing or not a Medication reference",
                    FhirReferences.PatientId(administration.Subject));
        }
    }

    /// <summary>A MedicationAdministration of a trial drug whose Medication (and its concentration, if any) is known.</summary>
    private static MappedResource Build(MedicationAdministration administration, DrugClass drug, decimal? microgramsPerMillilitre, MappingContext context)
    {
        var (reading, instead) = AdministrationReader.Read(administration, drug, drug == DrugClass.Blinatumomab, context);
        if (reading is null)
        {
            return instead!;
        }

        var (fact, warning) = reading.Dosage.Apply(reading.Administration, microgramsPerMillilitre);
        return MappedFacts.Of(reading.PatientId, fact) with { Warnings = warning is null ? [] : [warning] };
    }

    private static MappedResource Await(MedicationAdministration administration, string medicationId, ResourceReference reference, MappingContext context)
    {
        // The drug class is provisional: the assembler replaces it, or discards the administration, once the Medication is known.
        var (reading, instead) = AdministrationReader.Read(administration, DrugClass.Blinatumomab, couldScreen: true, context);
        var display = BlinatumomabText.In(reference.Display, context.Reading);
        return (reading, instead) switch
        {
            ({ } r, _) => new AwaitingMedication(r.PatientId, medicationId, r.Dosage.WithDose(r.Administration), null) { Dosage = r.Dosage, DisplayLooksLikeBlinatumomab = display },
            (_, QuarantinedResource q) => new AwaitingMedication(q.PatientId, medicationId, null, q.Reason) { DisplayLooksLikeBlinatumomab = display },
            _ => instead!,
        };
    }

    // Not a trial drug: irrelevant, unless its words name blinatumomab (then a warning, so that the site maps the code).
    private static MappedResource NotTrialDrug(MedicationAdministration administration, bool looksLikeBlinatumomab)
    {
        if (!looksLikeBlinatumomab || administration.Status == MedicationAdministration.MedicationAdministrationStatusCodes.EnteredInError)
        {
            return MappedResource.Irrelevant;
        }

        return FhirReferences.PatientId(administration.Subject) is { } patientId
            ? MappedResource.Noted(patientId, UnmappedBlinatumomabLike, UnmappedBlinatumomabLikeDetail)
            : MappedResource.Quarantine("MedicationAdministration.subject is missing or not a Patient reference (its medication text names blinatumomab, its code is not mapped)");
    }
}
