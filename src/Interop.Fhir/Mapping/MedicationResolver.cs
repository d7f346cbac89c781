using Interop.Domain.Facts;

namespace Interop.Fhir.Mapping;

/// <summary>What a MedicationAdministration that waited for its Medication comes to.</summary>
/// <param name="Administration">The fact, when its Medication is a trial drug and it could be read.</param>
/// <param name="Warnings">Warnings to list for its patient (also when it is not counted).</param>
/// <param name="QuarantineReason">Why it is quarantined; null when it is not.</param>
/// <param name="CouldScreen">For a quarantine: whether it could have been blinatumomab.</param>
internal sealed record SettledAdministration(DrugAdministration? Administration, IReadOnlyList<MappingWarning> Warnings, string? QuarantineReason, bool CouldScreen);

/// <summary>
/// Resolves the Medications MedicationAdministrations reference, once every Medication and Substance of the export has
/// been read: a Medication is the trial drug its code or any ingredient means, also when the ingredient is a reference to
/// a Substance or another Medication of the export (docs/reading-contract.md, "Medication"). An ingredient reference the
/// export does not hold leaves the drug unknown: the administration is quarantined, never read as "no trial drug".
/// </summary>
internal sealed class MedicationResolver
{
    /// <summary>The quarantine reason when the referenced Medication is not in the input.</summary>
    public const string MedicationNotInInput = "MedicationAdministration.medicationReference: the Medication is not in the input";

    // Medication -> ingredient Medication -> ... is at most a few levels in real exports; a cycle ends here too.
    private const int MaxDepth = 8;

    // Every Medication and Substance is kept (not only trial drugs), so that "not a trial drug" and "not in the input" stay distinguishable.
    private readonly Dictionary<string, MedicationInfo> _medications = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubstanceInfo> _substances = new(StringComparer.Ordinal);

    public void Add(MedicationInfo medication) => _medications[medication.MedicationId] = medication;

    public void Add(SubstanceInfo substance) => _substances[substance.SubstanceId] = substance;

    /// <summary>Forgets a Medication or Substance (another copy of it won, or its copies conflict).</summary>
    public void Remove(string resourceType, string id)
    {
        if (resourceType == "Substance")
        {
            _substances.Remove(id);
        }
        else
        {
            _medications.Remove(id);
        }
    }

    public SettledAdministration Settle(AwaitingMedication awaiting)
    {
        var medication = awaiting.Contained ?? (_medications.TryGetValue(awaiting.MedicationId, out var m) ? m : null);
        if (medication is null)
        {
            return Quarantine(MedicationNotInInput, true);
        }

        var (drug, concentration, looks, unresolved) = Resolve(medication, 0);
        if (drug is null && unresolved)
        {
            return Quarantine(
                "MedicationAdministration: an ingredient of its Medication (Medication.ingredient.itemReference) is a Substance or Medication that is not in the input; include it, or map the Medication's code",
                true);
        }

        if (drug is null)
        {
            return !(looks || awaiting.DisplayLooksLikeBlinatumomab)
                ? new SettledAdministration(null, [], null, false)
                : awaiting.PatientId is null
                    ? Quarantine("MedicationAdministration.subject is missing or not a Patient reference (its medication text names blinatumomab, its code is not mapped)", true)
                    : new SettledAdministration(null, [new MappingWarning(AdministrationFactMapper.UnmappedBlinatumomabLike, AdministrationFactMapper.UnmappedBlinatumomabLikeDetail)], null, false);
        }

        if (awaiting.Administration is not { } administration || awaiting.Dosage is not { } dosage)
        {
            return Quarantine(awaiting.QuarantineReason ?? "MedicationAdministration could not be mapped", drug == DrugClass.Blinatumomab);
        }

        var (fact, warning) = dosage.Apply(administration with { Drug = drug.Value }, concentration);
        return new SettledAdministration(fact, warning is null ? awaiting.Warnings : [.. awaiting.Warnings, warning], null, false);
    }

    private static SettledAdministration Quarantine(string reason, bool couldScreen) => new(null, [], reason, couldScreen);

    private (DrugClass? Drug, decimal? Concentration, bool Looks, bool Unresolved) Resolve(MedicationInfo medication, int depth)
    {
        var drug = medication.Drug;
        var concentration = medication.MicrogramsPerMillilitre;
        var looks = medication.LooksLikeBlinatumomab;
        var unresolved = medication.HasDanglingIngredient;
        foreach (var link in medication.IngredientReferences)
        {
            DrugClass? linked;
            decimal? innerConcentration = null;
            if (link.ResourceType == "Substance" && _substances.TryGetValue(link.Id, out var substance))
            {
                (linked, looks) = (substance.Drug, looks || substance.LooksLikeBlinatumomab);
            }
            else if (link.ResourceType == "Medication" && depth < MaxDepth && _medications.TryGetValue(link.Id, out var inner))
            {
                var r = Resolve(inner, depth + 1);
                (linked, innerConcentration, looks, unresolved) = (r.Drug, r.Concentration, looks || r.Looks, unresolved || r.Unresolved);
            }
            else
            {
                unresolved = true;
                continue;
            }

            if (linked == DrugClass.Blinatumomab)
            {
                drug = DrugClass.Blinatumomab;
                concentration ??= link.MicrogramsPerMillilitre ?? innerConcentration;
            }
            else if (linked == DrugClass.InductionDrug)
            {
                drug ??= DrugClass.InductionDrug;
            }
        }

        return (drug, concentration, looks, unresolved);
    }
}
