using Interop.Fhir.Terminology;

namespace Interop.Sync.Live;

/// <summary>
/// What makes a patient a candidate of a live run, whatever the source (REST searches or a Bulk export): the codes of the
/// mapped ALL diagnoses, blinatumomab, and the trial-specific results that screen a patient on their own; and the codes
/// that matter only for a patient already known. One definition, so both sources find the same candidates.
/// </summary>
internal static class CandidateCodes
{
    /// <summary>LOINC Genetic variant assessment: KMT2A by HL7 Genomics Reporting (recognised by the mapper, not the map).</summary>
    public const string GenomicVariantToken = "http://loinc.org|69548-6";

    public static readonly InputConcept[] Diagnoses = [InputConcept.BcpAll, InputConcept.AllUnspecifiedLineage, InputConcept.AllRelapse];

    /// <summary>Results that screen a patient on their own (the assembler's trial-specific kinds).</summary>
    public static readonly InputConcept[] ScreeningObservations =
    [
        InputConcept.Kmt2aRearrangement, InputConcept.BmBlastsPercent, InputConcept.Mrd, InputConcept.MrdPcr, InputConcept.MrdFlow,
        InputConcept.Cd19Blasts,
    ];

    /// <summary>Results that matter only for a patient already screened.</summary>
    public static readonly InputConcept[] OtherObservations =
    [
        InputConcept.Wbc, InputConcept.PbBlastsAbsolute, InputConcept.CsfBlasts, InputConcept.CsfWbc, InputConcept.Bsa,
    ];

    /// <summary>The Observation tokens that screen a patient (the map's, plus the genomic variant code).</summary>
    public static IReadOnlyList<string> ScreeningObservationTokens(TerminologyMap map) => [.. map.TokensFor(ScreeningObservations), GenomicVariantToken];

    /// <summary>Every Observation token the rules read: a Bulk export's <c>_typeFilter</c> may narrow Observations to these.</summary>
    public static IReadOnlyList<string> AllObservationTokens(TerminologyMap map) => [.. ScreeningObservationTokens(map), .. map.TokensFor(OtherObservations)];
}
