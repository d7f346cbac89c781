using Interop.Domain.Facts;
using Interop.Fhir.Terminology;

namespace Interop.Fhir.Mapping;

/// <summary>What an Observation measures: the lab kind, MRD method, the concept it was recognised by, and its canonical unit.</summary>
internal sealed record ObservationKind(LabKind Kind, AssayMethod Method, string ConceptCode, string CanonicalUnit, bool AcceptsQuantity, bool AcceptsCoded)
{
    public static ObservationKind? Of(InputConcept concept) => concept switch
    {
        InputConcept.Kmt2aRearrangement => Create(LabKind.Kmt2a, concept, "1", quantity: false, coded: true),
        InputConcept.BmBlastsPercent => Create(LabKind.MarrowBlastsPercent, concept, "%", quantity: true, coded: false),
        InputConcept.Mrd => Create(LabKind.Mrd, concept, "1", quantity: true, coded: true),
        InputConcept.MrdPcr => Create(LabKind.Mrd, concept, "1", quantity: true, coded: true, AssayMethod.Pcr),
        InputConcept.MrdFlow => Create(LabKind.Mrd, concept, "1", quantity: true, coded: true, AssayMethod.Flow),
        InputConcept.Cd19Blasts => Create(LabKind.Cd19, concept, "%", quantity: true, coded: true),
        InputConcept.Wbc => Create(LabKind.WhiteCellCount, concept, "10*9/L", quantity: true, coded: false),
        InputConcept.PbBlastsAbsolute => Create(LabKind.PeripheralBloodBlasts, concept, "/uL", quantity: true, coded: false),
        InputConcept.CsfBlasts => Create(LabKind.CsfBlasts, concept, "/uL", quantity: true, coded: false),
        InputConcept.CsfWbc => Create(LabKind.CsfWhiteCells, concept, "/uL", quantity: true, coded: false),
        InputConcept.Bsa => Create(LabKind.BodySurfaceArea, concept, "m2", quantity: true, coded: false),
        _ => null,
    };

    private static ObservationKind Create(LabKind kind, InputConcept concept, string unit, bool quantity, bool coded, AssayMethod method = AssayMethod.Unstated) =>
        new(kind, method, InputConceptCodes.Code(concept), unit, quantity, coded);
}
