using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Units;

namespace Interop.Fhir.Mapping;

/// <summary>
/// Reads a valueQuantity into its kind's canonical unit. The unit is its UCUM code, or the site unit map's UCUM code for
/// the spelling sent (the code in its system, or the unit text of a Quantity without a system); never guessed.
/// </summary>
internal static class QuantityValueReader
{
    public static ObservationValue Read(Quantity quantity, ObservationKind kind, UnitMap units)
    {
        if (!kind.AcceptsQuantity)
        {
            return ObservationValue.Fail($"valueQuantity is not accepted for {kind.ConceptCode}: a coded value is required");
        }

        if (quantity.Value is not { } value)
        {
            return ObservationValue.Fail($"valueQuantity.value is missing for {kind.ConceptCode}");
        }

        if (UcumCode(quantity, units) is not { } ucum)
        {
            return ObservationValue.Fail(
                $"valueQuantity unit not coded in UCUM (system {UcumConverter.System} and a code are required) and not in a site unit map (Reading:UnitMaps) for {kind.ConceptCode}");
        }

        if (!UcumConverter.TryConvert(value, ucum, kind.CanonicalUnit, out var amount))
        {
            // The code is the sender's text: never repeated (it can be anything a system allows in a unit field).
            return ObservationValue.Fail(
                $"valueQuantity.code is a unit that cannot be converted to '{kind.CanonicalUnit}' for {kind.ConceptCode} (not a UCUM unit of that dimension; map it in a site unit map, Reading:UnitMaps)");
        }

        var comparator = quantity.Comparator switch
        {
            Quantity.QuantityComparator.LessThan => Comparator.LessThan,
            Quantity.QuantityComparator.LessOrEqual => Comparator.LessOrEqual,
            Quantity.QuantityComparator.GreaterOrEqual => Comparator.GreaterOrEqual,
            Quantity.QuantityComparator.GreaterThan => Comparator.GreaterThan,
            _ => Comparator.None,
        };
        return new ObservationValue(amount, comparator, null, null);
    }

    // A UCUM-coded Quantity: the site map may still list its code (a system that writes K/uL under the UCUM system); else the
    // code itself. Any other Quantity: the site map's entry for its system (none: the "no system" group) and spelling.
    private static string? UcumCode(Quantity quantity, UnitMap units)
    {
        var code = string.IsNullOrWhiteSpace(quantity.Code) ? null : quantity.Code;
        if (quantity.System == UcumConverter.System && code is not null)
        {
            return units.TryMap(UcumConverter.System, code, out var listed) ? listed : code;
        }

        var spelling = code ?? (string.IsNullOrWhiteSpace(quantity.Unit) ? null : quantity.Unit);
        return spelling is not null && units.TryMap(quantity.System, spelling, out var mapped) ? mapped : null;
    }
}
