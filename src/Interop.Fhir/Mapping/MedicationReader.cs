using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Terminology;
using Interop.Fhir.Units;

namespace Interop.Fhir.Mapping;

/// <summary>
/// Reads a Medication (docs/reading-contract.md, "Medication"): the trial drug its code or any ingredient's code means
/// (blinatumomab wins over an induction drug), the blinatumomab concentration from that ingredient's strength, whether
/// its words look like blinatumomab, and the ingredients that reference a Substance or Medication elsewhere in the export
/// (the assembler resolves those). Ingredients referencing contained resources are resolved here.
/// </summary>
internal static class MedicationReader
{
    // A contained Medication may list another contained Medication as its ingredient; deeper nesting is not a real shape.
    private const int MaxDepth = 4;

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

    /// <param name="id">The id the result carries (the Medication's own, or <c>#id</c> for a contained one).</param>
    /// <param name="medication">The Medication.</param>
    /// <param name="contained">Where its <c>#id</c> ingredient references point: the container's contained resources.</param>
    /// <param name="context">The terminology map and reading options.</param>
    public static MedicationInfo Read(string id, Medication medication, IReadOnlyList<Resource> contained, MappingContext context) =>
        Read(id, medication, contained, context, 0);

    /// <summary>A Substance of the export.</summary>
    public static SubstanceInfo Read(string id, Substance substance, MappingContext context) =>
        DrugOf(substance.Code, context.Map) is { } drug
            ? new SubstanceInfo(id, drug)
            : new SubstanceInfo(id, null) { LooksLikeBlinatumomab = BlinatumomabText.In(substance.Code, context.Reading) };

    private static MedicationInfo Read(string id, Medication medication, IReadOnlyList<Resource> contained, MappingContext context, int depth)
    {
        var drug = DrugOf(medication.Code, context.Map);
        var looks = BlinatumomabText.In(medication.Code, context.Reading);
        decimal? concentration = null;
        var dangling = false;
        var references = new List<IngredientReference>();
        foreach (var ingredient in medication.Ingredient)
        {
            var strength = MicrogramsPerMillilitre(ingredient.Strength);
            DrugClass? itemDrug = null;
            switch (ingredient.Item)
            {
                case CodeableConcept code:
                    itemDrug = DrugOf(code, context.Map);
                    looks |= BlinatumomabText.In(code, context.Reading);
                    break;
                case ResourceReference { Reference: ['#', .. var containedId] } local:
                    looks |= BlinatumomabText.In(local.Display, context.Reading);
                    switch (contained.FirstOrDefault(r => r.Id == containedId))
                    {
                        case Substance substance:
                            var s = Read(containedId, substance, context);
                            (itemDrug, looks) = (s.Drug, looks || s.LooksLikeBlinatumomab);
                            break;
                        case Medication inner when depth < MaxDepth && !ReferenceEquals(inner, medication):
                            var m = Read("#" + containedId, inner, contained, context, depth + 1);
                            (itemDrug, looks, dangling) = (m.Drug, looks || m.LooksLikeBlinatumomab, dangling || m.HasDanglingIngredient);
                            references.AddRange(m.IngredientReferences);
                            strength ??= m.MicrogramsPerMillilitre;
                            break;
                        default:
                            dangling = true;
                            break;
                    }

                    break;
                case ResourceReference reference:
                    looks |= BlinatumomabText.In(reference.Display, context.Reading);
                    if (FhirReferences.IdOf(reference, "Substance") is { } substanceId)
                    {
                        references.Add(new IngredientReference("Substance", substanceId, strength));
                    }
                    else if (FhirReferences.IdOf(reference, "Medication") is { } medicationId)
                    {
                        references.Add(new IngredientReference("Medication", medicationId, strength));
                    }
                    else
                    {
                        dangling = true;
                    }

                    break;
            }

            if (itemDrug == DrugClass.Blinatumomab)
            {
                drug = DrugClass.Blinatumomab;
                concentration ??= strength;
            }
            else if (itemDrug == DrugClass.InductionDrug)
            {
                drug ??= DrugClass.InductionDrug;
            }
        }

        // A product coded as blinatumomab with one ingredient: that ingredient's strength is the product's concentration.
        // With more ingredients (a diluent has a strength too) only the blinatumomab ingredient's own strength counts.
        if (drug == DrugClass.Blinatumomab && concentration is null && medication.Ingredient.Count == 1)
        {
            concentration = MicrogramsPerMillilitre(medication.Ingredient[0].Strength);
        }

        return new MedicationInfo(id, drug)
        {
            MicrogramsPerMillilitre = concentration,
            LooksLikeBlinatumomab = looks && drug != DrugClass.Blinatumomab,
            IngredientReferences = references.Count == 0 ? [] : references,
            HasDanglingIngredient = dangling,
        };
    }

    /// <summary>A strength (Ratio) of mass over volume in UCUM, as micrograms per millilitre; null otherwise.</summary>
    public static decimal? MicrogramsPerMillilitre(Ratio? strength)
    {
        if (strength?.Numerator is not { Value: { } amount } numerator || strength.Denominator is not { Value: { } volume } denominator
            || numerator.System != UcumConverter.System || denominator.System != UcumConverter.System
            || numerator.Code is not { } amountCode || denominator.Code is not { } volumeCode
            || amount < 0 || volume <= 0
            || !UcumConverter.TryConvert(amount, amountCode, "ug", out var micrograms)
            || !UcumConverter.TryConvert(volume, volumeCode, "mL", out var millilitres)
            || millilitres <= 0)
        {
            return null;
        }

        return DosageReader.Significant(micrograms / millilitres);
    }
}
