namespace Interop.Fhir.Terminology;

/// <summary>
/// The input concepts of <c>{base}/CodeSystem/blinfant-input</c> (profiles/terminology/README.md),
/// plus the answer concepts a site maps its local result codes to.
/// </summary>
public enum InputConcept
{
    /// <summary><c>bcp-all</c>: B-precursor / B-cell ALL diagnosis.</summary>
    BcpAll,

    /// <summary><c>all-unspecified-lineage</c>: ALL, lineage not stated.</summary>
    AllUnspecifiedLineage,

    /// <summary><c>all-relapse</c>: ALL in relapse (e.g. ICD-10-CM C91.02).</summary>
    AllRelapse,

    /// <summary><c>kmt2a-rearrangement</c>: KMT2A rearrangement test (coded present/absent).</summary>
    Kmt2aRearrangement,

    /// <summary><c>bm-blasts-percent</c>: blasts in bone marrow, percent of cells.</summary>
    BmBlastsPercent,

    /// <summary><c>mrd</c>: minimal residual disease, method unstated.</summary>
    Mrd,

    /// <summary><c>mrd-pcr</c>: minimal residual disease by PCR.</summary>
    MrdPcr,

    /// <summary><c>mrd-flow</c>: minimal residual disease by flow cytometry.</summary>
    MrdFlow,

    /// <summary><c>cd19-blasts</c>: CD19 on leukemic blasts (coded, or percent of blasts).</summary>
    Cd19Blasts,

    /// <summary><c>wbc</c>: white-cell count in blood.</summary>
    Wbc,

    /// <summary><c>pb-blasts-absolute</c>: blasts per volume in peripheral blood.</summary>
    PbBlastsAbsolute,

    /// <summary><c>csf-blasts</c>: blasts per volume in cerebrospinal fluid.</summary>
    CsfBlasts,

    /// <summary><c>csf-wbc</c>: white cells per volume in cerebrospinal fluid.</summary>
    CsfWbc,

    /// <summary><c>bsa</c>: body-surface area.</summary>
    Bsa,

    /// <summary><c>blinatumomab</c>: blinatumomab product or substance.</summary>
    Blinatumomab,

    /// <summary><c>induction-drug</c>: an Interfant-06 induction drug.</summary>
    InductionDrug,

    /// <summary><c>adverse-reaction</c>: a MedicationAdministration status reason meaning toxicity.</summary>
    AdverseReaction,

    /// <summary><c>positive</c>: answer positive / present / detected.</summary>
    Positive,

    /// <summary><c>negative</c>: answer negative / absent / not detected.</summary>
    Negative,

    /// <summary><c>not-evaluable</c>: answer "could not be evaluated".</summary>
    NotEvaluable,

    /// <summary><c>positive-not-quantifiable</c>: answer "detected, below the quantitative range".</summary>
    PositiveNotQuantifiable,
}
