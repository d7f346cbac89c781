using Interop.Domain.Facts;

namespace Interop.Fhir.Mapping;

/// <summary>
/// Reads a valueString: a site text answer (<c>Reading:TextAnswers</c>) for a kind that takes coded answers, else for MRD
/// a lab notation when <c>Reading:MrdTextValues</c> is on. Anything else is refused naming the element, never the text.
/// </summary>
internal static class TextValueReader
{
    public static ObservationValue Read(string? text, ObservationKind kind, SiteReading site)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ObservationValue.Fail($"valueString is empty for {kind.ConceptCode}");
        }

        if (kind.AcceptsCoded && site.TextAnswers.TryRead(text, out var finding))
        {
            return ObservationValue.Of(finding);
        }

        var notation = kind.Kind == LabKind.Mrd && site.MrdTextValues;
        if (notation && MrdNotation.TryParse(text, out var fraction, out var comparator))
        {
            return new ObservationValue(fraction, comparator, null, null);
        }

        var tried = (kind.AcceptsCoded ? "a text answer listed in Reading:TextAnswers" : null, notation ? "an MRD lab notation" : null) switch
        {
            ({ } answers, { } mrd) => $"neither {answers} nor {mrd}",
            ({ } answers, null) => $"not {answers}",
            (null, { } mrd) => $"not {mrd}",
            _ => "not read for this kind: a Quantity is required",
        };
        var off = kind.Kind == LabKind.Mrd && !site.MrdTextValues ? " (MRD lab notations are off: Reading:MrdTextValues)" : string.Empty;
        return ObservationValue.Fail($"valueString is {tried} for {kind.ConceptCode}{off}");
    }
}
