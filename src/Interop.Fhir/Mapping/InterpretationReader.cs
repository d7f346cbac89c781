using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Terminology;

namespace Interop.Fhir.Mapping;

/// <summary>What Observation.interpretation says about presence: positive, negative, both (conflicting) or nothing.</summary>
internal readonly record struct InterpretationReading(Finding? Finding, bool Conflicting);

/// <summary>
/// Reads Observation.interpretation for a positive or negative answer: HL7 v3 ObservationInterpretation POS and DET
/// (positive), NEG and ND (negative), or any coding the terminology map resolves to <c>positive</c> / <c>negative</c>
/// (e.g. SNOMED CT 10828004, as mCODE's examples use). Other interpretations (H, L, A, N...) say nothing here.
/// </summary>
internal static class InterpretationReader
{
    private const string V3 = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    public static InterpretationReading Read(IEnumerable<CodeableConcept> interpretation, TerminologyMap map)
    {
        var positive = false;
        var negative = false;
        foreach (var coding in interpretation.SelectMany(c => c.Coding))
        {
            var finding = coding.System == V3
                ? coding.Code switch { "POS" or "DET" => Finding.Positive, "NEG" or "ND" => Finding.Negative, _ => (Finding?)null }
                : map.Resolve(coding.System, coding.Code) switch { InputConcept.Positive => Finding.Positive, InputConcept.Negative => Finding.Negative, _ => null };
            positive |= finding == Finding.Positive;
            negative |= finding == Finding.Negative;
        }

        return (positive, negative) switch
        {
            (true, true) => new(null, true),
            (true, false) => new(Finding.Positive, false),
            (false, true) => new(Finding.Negative, false),
            _ => new(null, false),
        };
    }
}
