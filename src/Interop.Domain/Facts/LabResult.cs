namespace Interop.Domain.Facts;

/// <summary>What a lab or measurement fact is about. Each kind has one canonical unit (see <see cref="LabResult.Amount"/>).</summary>
public enum LabKind
{
    /// <summary>KMT2A rearrangement status (coded finding only).</summary>
    Kmt2a,

    /// <summary>Blasts in bone marrow, percent of cells (0-100).</summary>
    MarrowBlastsPercent,

    /// <summary>Minimal residual disease, as a fraction (unit 1), or a coded finding.</summary>
    Mrd,

    /// <summary>CD19 on leukemic blasts: coded finding, or percent of blasts (0-100).</summary>
    Cd19,

    /// <summary>White cells in blood, 10^9/L.</summary>
    WhiteCellCount,

    /// <summary>Blasts in peripheral blood, cells per microlitre.</summary>
    PeripheralBloodBlasts,

    /// <summary>Blasts in cerebrospinal fluid, cells per microlitre.</summary>
    CsfBlasts,

    /// <summary>White cells in cerebrospinal fluid, cells per microlitre.</summary>
    CsfWhiteCells,

    /// <summary>Body-surface area, square metres.</summary>
    BodySurfaceArea,
}

/// <summary>A coded result.</summary>
public enum Finding
{
    /// <summary>Positive / present / detected / (for KMT2A) rearranged.</summary>
    Positive,

    /// <summary>Negative / absent / not detected / (for KMT2A) germline.</summary>
    Negative,

    /// <summary>The test could not be evaluated.</summary>
    NotEvaluable,

    /// <summary>Detected, below the quantitative range (MRD).</summary>
    PositiveNotQuantifiable,
}

/// <summary>Whether a result counts as final or only as preliminary.</summary>
public enum ResultStatus
{
    /// <summary>final, amended or corrected.</summary>
    Final,

    /// <summary>preliminary: counts only where nothing final exists for the same timepoint.</summary>
    Preliminary,
}

/// <summary>The comparator of a quantity.</summary>
public enum Comparator
{
    /// <summary>An exact value.</summary>
    None,

    /// <summary>Below the value (&lt;).</summary>
    LessThan,

    /// <summary>At most the value (&lt;=).</summary>
    LessOrEqual,

    /// <summary>At least the value (&gt;=).</summary>
    GreaterOrEqual,

    /// <summary>Above the value (&gt;).</summary>
    GreaterThan,
}

/// <summary>How an MRD result was measured.</summary>
public enum AssayMethod
{
    /// <summary>Not stated.</summary>
    Unstated,

    /// <summary>PCR (KMT2A fusion breakpoint and/or IG/TR rearrangements).</summary>
    Pcr,

    /// <summary>Flow cytometry.</summary>
    Flow,
}

/// <summary>
/// One usable measurement, already converted to its kind's canonical unit. Exactly one of
/// <see cref="Amount"/> and <see cref="Finding"/> is set.
/// </summary>
/// <param name="Kind">What was measured.</param>
/// <param name="Date">The calendar date the EHR recorded for it (effective, else issued).</param>
/// <param name="At">The same moment as an instant, to order results within a day.</param>
/// <param name="Status">Final or preliminary.</param>
/// <param name="Amount">The value in the canonical unit of <paramref name="Kind"/>.</param>
/// <param name="Comparator">The comparator of <paramref name="Amount"/>.</param>
/// <param name="Finding">The coded result.</param>
/// <param name="Method">The assay method (MRD).</param>
/// <param name="Evidence">The Observation.</param>
public sealed record LabResult(
    LabKind Kind,
    DateOnly Date,
    DateTimeOffset At,
    ResultStatus Status,
    decimal? Amount,
    Comparator Comparator,
    Finding? Finding,
    AssayMethod Method,
    EvidenceRef Evidence)
{
    /// <summary>
    /// For a KMT2A result from a genomics report: whether it describes a rearrangement, and the partner gene. Null for a
    /// rearrangement test (FISH, a coded rearrangement result), whose finding is about rearrangement by definition.
    /// </summary>
    public Kmt2aVariant? Kmt2aVariant { get; init; }

    /// <summary>True when this result is about KMT2A rearrangement (a rearrangement test, or a variant that is a rearrangement).</summary>
    public bool IsKmt2aRearrangementResult =>
        Kind == LabKind.Kmt2a && Kmt2aVariant is null or { Kind: Kmt2aVariantKind.Rearrangement };
}
