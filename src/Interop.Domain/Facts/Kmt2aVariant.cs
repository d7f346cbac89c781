namespace Interop.Domain.Facts;

/// <summary>What kind of KMT2A finding a genomics report (a Genomics Reporting variant) describes.</summary>
public enum Kmt2aVariantKind
{
    /// <summary>A fusion or translocation of KMT2A: a rearrangement result like a FISH one.</summary>
    Rearrangement,

    /// <summary>
    /// A variant that is no rearrangement (a point mutation, a small insertion or deletion, a duplication...): it says
    /// nothing about whether KMT2A is rearranged.
    /// </summary>
    OtherVariant,

    /// <summary>A constitutional (germline-source) variant: not the leukaemia's rearrangement, and says nothing about it.</summary>
    GermlineVariant,

    /// <summary>
    /// One particular fusion (e.g. KMT2A::AFF1) reported absent: KMT2A may still be rearranged with another partner, so it is
    /// no "not rearranged" result.
    /// </summary>
    SpecificFusionAbsent,
}

/// <summary>
/// A KMT2A result read from a genomics report rather than from a rearrangement test (e.g. FISH).
/// </summary>
/// <param name="Kind">Whether the variant is a rearrangement.</param>
/// <param name="PartnerGene">
/// The fusion partner's HGNC symbol when the report names one the adapter knows (from the adapter's own gene table, never
/// text copied from the record); null when no partner is named or it is not in the table.
/// </param>
public sealed record Kmt2aVariant(Kmt2aVariantKind Kind, string? PartnerGene = null);
