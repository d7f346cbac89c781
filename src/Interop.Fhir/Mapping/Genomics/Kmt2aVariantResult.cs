using Interop.Domain.Facts;

namespace Interop.Fhir.Mapping.Genomics;

/// <summary>How a Genomics Reporting variant reads for KMT2A.</summary>
internal enum VariantReading
{
    /// <summary>Not a variant in KMT2A (no KMT2A gene-studied component): not for the trial.</summary>
    NotKmt2a,

    /// <summary>A fusion or translocation of KMT2A.</summary>
    Rearrangement,

    /// <summary>A variant in KMT2A that is no rearrangement (a point mutation, a small insertion or deletion...).</summary>
    OtherVariant,

    /// <summary>A germline-source variant in KMT2A.</summary>
    GermlineVariant,

    /// <summary>A variant in KMT2A whose type the record does not state (no change type, consequence, partner or description).</summary>
    Unstated,

    /// <summary>The record says two things that cannot both hold (see <see cref="Kmt2aVariantResult.Problem"/>).</summary>
    Contradictory,

    /// <summary>One particular KMT2A fusion reported absent: no other partner was ruled out (set once the value is read).</summary>
    SpecificFusionAbsent,
}

/// <summary>The reading, the partner symbol when one is named, and for a contradiction what is wrong (element names only).</summary>
internal sealed record Kmt2aVariantResult(VariantReading Reading, string? Partner = null, string? Problem = null)
{
    /// <summary>
    /// The rearrangement is one particular fusion (a partner gene studied or named, a <c>::</c> pair, a translocation), not
    /// "any KMT2A rearrangement": its absence says nothing about fusions with other partners.
    /// </summary>
    public bool PartnerSpecific { get; init; }

    public Kmt2aVariant? Fact => Reading switch
    {
        VariantReading.Rearrangement => new Kmt2aVariant(Kmt2aVariantKind.Rearrangement, Partner),
        VariantReading.SpecificFusionAbsent => new Kmt2aVariant(Kmt2aVariantKind.SpecificFusionAbsent, Partner),
        VariantReading.OtherVariant => new Kmt2aVariant(Kmt2aVariantKind.OtherVariant),
        VariantReading.GermlineVariant => new Kmt2aVariant(Kmt2aVariantKind.GermlineVariant),
        _ => null,
    };
}
