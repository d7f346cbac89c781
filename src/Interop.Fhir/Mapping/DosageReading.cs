using Interop.Domain.Facts;

namespace Interop.Fhir.Mapping;

/// <summary>
/// A MedicationAdministration's dosage as read (<see cref="DosageReader"/>), before the drug and its concentration are
/// known: a dose as an amount; else a rate of an amount per day; else a volume per day that needs a concentration; else
/// why the rate cannot be read.
/// </summary>
/// <param name="Micrograms">dosage.dose as a mass.</param>
/// <param name="PerSquareMetre">dosage.dose as a mass per m2.</param>
/// <param name="Rate">dosage.rate[x] as a mass (per m2) per day, when no dose amount is given.</param>
/// <param name="MillilitresPerDay">dosage.rate[x] as a volume per day, when no dose amount is given.</param>
/// <param name="DoseConcentration">dosage.dose given as micrograms per millilitre (a concentration, not an amount).</param>
/// <param name="RateProblem">Why dosage.rate[x] cannot be read (element paths only), when no dose amount is given.</param>
internal sealed record DosageReading(
    decimal? Micrograms,
    decimal? PerSquareMetre,
    DoseRate? Rate,
    decimal? MillilitresPerDay,
    decimal? DoseConcentration,
    string? RateProblem)
{
    /// <summary>Rule code: the rate is a volume per time and nothing gives the concentration.</summary>
    public const string RateWithoutConcentration = "blinatumomab-rate-without-concentration";

    /// <summary>Rule code: dosage.rate[x] cannot be read as an amount per time.</summary>
    public const string RateUnreadable = "blinatumomab-rate-unreadable";

    private const string Consequence = " Its dose is unknown, and so is the course's cumulative dose (reported as absent, not smaller).";

    /// <summary>The administration with its dose, when the dose is an amount (whatever the drug and concentration).</summary>
    public DrugAdministration WithDose(DrugAdministration administration) =>
        administration with { DoseMicrograms = Micrograms, DoseMicrogramsPerSquareMetre = PerSquareMetre };

    /// <summary>
    /// The administration with its dose or rate, once its drug and the product's blinatumomab concentration are known.
    /// Only blinatumomab's dosage matters to the rules: for other drugs the dose alone is kept and nothing is warned.
    /// </summary>
    public (DrugAdministration Administration, MappingWarning? Warning) Apply(DrugAdministration administration, decimal? productMicrogramsPerMillilitre)
    {
        var withDose = WithDose(administration);
        if (administration.Drug != DrugClass.Blinatumomab || Micrograms is not null || PerSquareMetre is not null)
        {
            return (withDose, null);
        }

        if (Rate is not null)
        {
            return (withDose with { Rate = Rate }, null);
        }

        if (MillilitresPerDay is { } volume)
        {
            return (DoseConcentration ?? productMicrogramsPerMillilitre) is { } concentration
                ? (withDose with { Rate = new DoseRate(volume * concentration, PerSquareMetre: false) }, null)
                : (withDose with { DoseUnreadable = true }, new MappingWarning(
                    RateWithoutConcentration,
                    "The blinatumomab rate is a volume per time and no concentration is given (the blinatumomab ingredient's Medication.ingredient.strength, or dosage.dose in micrograms per mL)." + Consequence));
        }

        return RateProblem is { } problem
            ? (withDose with { DoseUnreadable = true }, new MappingWarning(RateUnreadable, "MedicationAdministration." + problem + "." + Consequence))
            : (withDose, null);
    }
}
