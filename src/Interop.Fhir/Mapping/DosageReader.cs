using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Units;

namespace Interop.Fhir.Mapping;

/// <summary>
/// Reads MedicationAdministration.dosage (docs/reading-contract.md, "Medication"). dosage.dose in micrograms (per m2) is
/// the amount given; a dose that is a volume or a concentration is not an amount, and then dosage.rateQuantity or
/// dosage.rateRatio (an amount, an amount per m2, or a volume, per time) gives it over the time the administration ran.
/// Every unit goes through UCUM; the sender's unit text is never repeated.
/// </summary>
internal static class DosageReader
{
    /// <summary>The dosage, or why the record is quarantined (a dose whose unit cannot be read and no rate to use instead).</summary>
    public static (DosageReading? Reading, string? Problem) Read(MedicationAdministration.DosageComponent? dosage)
    {
        var dose = dosage?.Dose;
        decimal? concentration = null;
        var doseIsNoAmount = false;
        if (dose?.Value is { } value)
        {
            if (dose.System != UcumConverter.System || string.IsNullOrWhiteSpace(dose.Code))
            {
                return (null, $"dosage.dose unit not coded in UCUM (system {UcumConverter.System} and a code are required)");
            }

            if (UcumConverter.TryConvert(value, dose.Code, "ug", out var micrograms))
            {
                return (new DosageReading(micrograms, null, null, null, null, null), null);
            }

            if (UcumConverter.TryConvert(value, dose.Code, "ug/m2", out var perSquareMetre))
            {
                return (new DosageReading(null, perSquareMetre, null, null, null, null), null);
            }

            // A bag's volume or its concentration: no amount, but a rate may give one.
            if (UcumConverter.TryConvert(value, dose.Code, "ug/mL", out var perMillilitre))
            {
                concentration = perMillilitre > 0 ? perMillilitre : null;
            }
            else if (!UcumConverter.TryConvert(value, dose.Code, "mL", out _))
            {
                return (null, "dosage.dose.code is neither a mass nor a mass per m2 (a UCUM unit convertible to 'ug' or 'ug/m2')");
            }

            doseIsNoAmount = true;
        }

        var rate = dosage?.Rate;
        if (rate is null)
        {
            return doseIsNoAmount
                ? (null, "dosage.dose is a volume or a concentration, not an amount, and no dosage.rate[x] gives the amount")
                : (new DosageReading(null, null, null, null, null, null), null);
        }

        var (amountRate, volumeRate, problem) = Rate(rate);
        return (new DosageReading(null, null, amountRate, volumeRate, concentration, problem), null);
    }

    private static (DoseRate? Rate, decimal? MillilitresPerDay, string? Problem) Rate(DataType rate)
    {
        switch (rate)
        {
            case Quantity { Value: { } value } quantity:
                if (quantity.System != UcumConverter.System || string.IsNullOrWhiteSpace(quantity.Code))
                {
                    return (null, null, $"dosage.rateQuantity unit not coded in UCUM (system {UcumConverter.System} and a code are required)");
                }

                return PerDay(value, quantity.Code, null)
                    ?? (null, null, "dosage.rateQuantity.code is not an amount per time (a UCUM unit convertible to 'ug/d', 'ug/m2/d' or 'mL/d')");
            case Ratio { Numerator: { Value: { } amount } numerator, Denominator: { Value: { } time } denominator }
                when numerator.System == UcumConverter.System && denominator.System == UcumConverter.System
                    && !string.IsNullOrWhiteSpace(numerator.Code) && !string.IsNullOrWhiteSpace(denominator.Code):
                return PerDay(amount, numerator.Code, (time, denominator.Code))
                    ?? (null, null, "dosage.rateRatio is not an amount over a time (a numerator convertible to 'ug', 'ug/m2' or 'mL' over a denominator convertible to 'd', both UCUM)");
            case Ratio:
                return (null, null, "dosage.rateRatio needs a numerator and a denominator, each with a value and a UCUM code");
            case Hl7.Fhir.Model.Range:
                return (null, null, "dosage.rateRange gives a range, not one rate");
            default:
                return (null, null, "dosage.rate[x] has no value");
        }
    }

    // The rate per day: of a rate 'amount fromCode' (over is null), or of 'amount fromCode' over 'time timeCode'.
    private static (DoseRate? Rate, decimal? MillilitresPerDay, string? Problem)? PerDay(decimal amount, string fromCode, (decimal Time, string Code)? over)
    {
        var days = 1m;
        if (amount < 0 || (over is { } t && (t.Time <= 0 || !UcumConverter.TryConvert(t.Time, t.Code, "d", out days) || days <= 0)))
        {
            return null;
        }

        days = Significant(days);

        var per = over is null ? "/d" : string.Empty;
        if (UcumConverter.TryConvert(amount, fromCode, "ug" + per, out var micrograms))
        {
            return (new DoseRate(Significant(micrograms / days), PerSquareMetre: false), null, null);
        }

        if (UcumConverter.TryConvert(amount, fromCode, "ug/m2" + per, out var perSquareMetre))
        {
            return (new DoseRate(Significant(perSquareMetre / days), PerSquareMetre: true), null, null);
        }

        return UcumConverter.TryConvert(amount, fromCode, "mL" + per, out var millilitres) ? (null, Significant(millilitres / days), null) : null;
    }

    /// <summary>
    /// <paramref name="value"/> to 12 significant digits. UCUM time conversions come back from Fhir.Metrics with a binary
    /// floating-point tail (10 mL/h is 239.9999999999998 mL/d); a rate is never known to more than a few digits, so the
    /// tail is cut rather than carried into a dose.
    /// </summary>
    internal static decimal Significant(decimal value)
    {
        if (value == 0)
        {
            return 0;
        }

        var magnitude = (int)Math.Floor(Math.Log10((double)Math.Abs(value)));
        return Math.Round(value, Math.Clamp(11 - magnitude, 0, 28), MidpointRounding.AwayFromZero) / 1.000000000000000000000000000m;
    }
}
