using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Terminology;
using Interop.Fhir.Units;

namespace Interop.Fhir.Mapping;

/// <summary>An Observation value in its kind's canonical unit, or a coded finding, or why neither.</summary>
internal readonly record struct ObservationValue(decimal? Amount, Comparator Comparator, Finding? Finding, string? Problem);

/// <summary>Reads value[x] for a kind: UCUM conversion to the canonical unit, or the answer concepts.</summary>
internal static class ObservationValueReader
{
    public static ObservationValue Read(DataType? value, ObservationKind kind, TerminologyMap map) => value switch
    {
        null => Fail($"value[x] is missing for {kind.ConceptCode}"),
        Quantity quantity => ReadQuantity(quantity, kind),
        CodeableConcept concept => ReadCoded(concept, kind, map),
        _ => Fail($"value[x] of type {value.TypeName} is not accepted for {kind.ConceptCode}"),
    };

    private static ObservationValue ReadQuantity(Quantity quantity, ObservationKind kind)
    {
        if (!kind.AcceptsQuantity)
        {
            return Fail($"valueQuantity is not accepted for {kind.ConceptCode}: a coded value is required");
        }

        if (quantity.Value is not { } value)
        {
            return Fail($"valueQuantity.value is missing for {kind.ConceptCode}");
        }

        if (quantity.System != UcumConverter.System || string.IsNullOrWhiteSpace(quantity.Code))
        {
            return Fail($"valueQuantity unit not coded in UCUM (system {UcumConverter.System} and a code are required) for {kind.ConceptCode}");
        }

        if (!UcumConverter.TryConvert(value, quantity.Code, kind.CanonicalUnit, out var amount))
        {
            // The code is the sender's text: never repeated (it can be anything a system allows in a unit field).
            return Fail($"valueQuantity.code is a unit that cannot be converted to '{kind.CanonicalUnit}' for {kind.ConceptCode} (not a UCUM unit of that dimension; map it in a site unit map)");
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

    private static ObservationValue ReadCoded(CodeableConcept concept, ObservationKind kind, TerminologyMap map)
    {
        if (!kind.AcceptsCoded)
        {
            return Fail($"valueCodeableConcept is not accepted for {kind.ConceptCode}: a Quantity is required");
        }

        foreach (var answer in map.ResolveAll(concept))
        {
            Finding? finding = answer switch
            {
                InputConcept.Positive => Finding.Positive,
                InputConcept.Negative => Finding.Negative,
                InputConcept.NotEvaluable => Finding.NotEvaluable,
                InputConcept.PositiveNotQuantifiable => Finding.PositiveNotQuantifiable,
                _ => null,
            };
            if (finding is not null)
            {
                return new ObservationValue(null, Comparator.None, finding, null);
            }
        }

        return Fail($"valueCodeableConcept maps to no answer concept (positive, negative, not-evaluable, positive-not-quantifiable) for {kind.ConceptCode}");
    }

    private static ObservationValue Fail(string problem) => new(null, Comparator.None, null, problem);
}
