using Hl7.Fhir.Model;

namespace Interop.Fhir.Mapping;

/// <summary>
/// Whether a medication's words name blinatumomab (<see cref="ReadingOptions.BlinatumomabNames"/>, ignoring case): used
/// only to warn that an unmapped code looks like blinatumomab, never to read a record as blinatumomab. The words matched
/// are never repeated in a warning.
/// </summary>
internal static class BlinatumomabText
{
    public static bool In(CodeableConcept? concept, ReadingOptions reading) =>
        concept is not null && (In(concept.Text, reading) || concept.Coding.Exists(c => In(c.Display, reading)));

    public static bool In(string? text, ReadingOptions reading)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var name in reading.BlinatumomabNamesInEffect)
        {
            if (text.Contains(name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
