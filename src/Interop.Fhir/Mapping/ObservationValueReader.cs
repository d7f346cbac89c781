using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Terminology;

namespace Interop.Fhir.Mapping;

/// <summary>An Observation value in its kind's canonical unit, or a coded finding, or why neither; and a warning when read under a fallback rule.</summary>
internal readonly record struct ObservationValue(decimal? Amount, Comparator Comparator, Finding? Finding, string? Problem, MappingWarning? Warning = null)
{
    public static ObservationValue Fail(string problem) => new(null, Comparator.None, null, problem);

    public static ObservationValue Of(Finding finding) => new(null, Comparator.None, finding, null);
}

/// <summary>
/// Reads value[x] for a kind (docs/reading-contract.md, "Observations: answers" and "Units"): a Quantity through UCUM
/// and the site unit map, a coded answer through the terminology map, a text through the site's text answers and (MRD)
/// lab notations; with no value[x], an interpretation POS/NEG/DET/ND under the documented fallback rule.
/// </summary>
internal static class ObservationValueReader
{
    public const string InterpretationOnlyRule = "interpretation-only-answer";

    public static ObservationValue Read(Observation observation, ObservationKind kind, MappingContext context)
    {
        var interpretation = InterpretationReader.Read(observation.Interpretation, context.Map);
        var value = observation.Value switch
        {
            null => FromInterpretation(interpretation, kind),
            Quantity quantity => QuantityValueReader.Read(quantity, kind, context.Site.Units),
            CodeableConcept concept => ReadCoded(concept, kind, context.Map),
            FhirString text => TextValueReader.Read(text.Value, kind, context.Site),
            _ => ObservationValue.Fail($"value[x] of type {observation.Value.TypeName} is not accepted for {kind.ConceptCode}"),
        };

        if (observation.Value is not null && value.Finding is { } finding && interpretation.Finding is { } interpreted && Disagree(finding, interpreted))
        {
            return ObservationValue.Fail($"value[x] and interpretation disagree (one positive, the other negative) for {kind.ConceptCode}");
        }

        return value;
    }

    private static ObservationValue FromInterpretation(InterpretationReading interpretation, ObservationKind kind)
    {
        if (interpretation.Conflicting)
        {
            return ObservationValue.Fail($"value[x] is missing for {kind.ConceptCode} and interpretation holds both a positive and a negative code");
        }

        if (!kind.AcceptsCoded || interpretation.Finding is not { } finding)
        {
            return ObservationValue.Fail($"value[x] is missing for {kind.ConceptCode}");
        }

        var warning = new MappingWarning(
            InterpretationOnlyRule,
            $"no value[x]: the {(finding == Finding.Positive ? "positive" : "negative")} answer for {kind.ConceptCode} was read from Observation.interpretation");
        return ObservationValue.Of(finding) with { Warning = warning };
    }

    private static ObservationValue ReadCoded(CodeableConcept concept, ObservationKind kind, TerminologyMap map)
    {
        if (!kind.AcceptsCoded)
        {
            return ObservationValue.Fail($"valueCodeableConcept is not accepted for {kind.ConceptCode}: a Quantity is required");
        }

        foreach (var answer in map.ResolveAll(concept))
        {
            if (AnswerOf(answer) is { } finding)
            {
                return ObservationValue.Of(finding);
            }
        }

        return ObservationValue.Fail($"valueCodeableConcept maps to no answer concept (positive, negative, not-evaluable, positive-not-quantifiable) for {kind.ConceptCode}");
    }

    /// <summary>The finding an answer concept means, or null for a concept that is no answer.</summary>
    public static Finding? AnswerOf(InputConcept concept) => concept switch
    {
        InputConcept.Positive => Finding.Positive,
        InputConcept.Negative => Finding.Negative,
        InputConcept.NotEvaluable => Finding.NotEvaluable,
        InputConcept.PositiveNotQuantifiable => Finding.PositiveNotQuantifiable,
        _ => null,
    };

    private static bool Disagree(Finding value, Finding interpretation) =>
        (value is Finding.Positive or Finding.PositiveNotQuantifiable && interpretation == Finding.Negative)
        || (value == Finding.Negative && interpretation == Finding.Positive);
}
