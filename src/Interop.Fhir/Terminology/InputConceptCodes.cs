using System.Collections.Frozen;

namespace Interop.Fhir.Terminology;

/// <summary>The kebab-case codes of <see cref="InputConcept"/> in <see cref="Canonical.InputCodeSystem"/>.</summary>
internal static class InputConceptCodes
{
    private static readonly (InputConcept Concept, string Code)[] All =
    [
        (InputConcept.BcpAll, "bcp-all"),
        (InputConcept.AllUnspecifiedLineage, "all-unspecified-lineage"),
        (InputConcept.AllRelapse, "all-relapse"),
        (InputConcept.Kmt2aRearrangement, "kmt2a-rearrangement"),
        (InputConcept.BmBlastsPercent, "bm-blasts-percent"),
        (InputConcept.Mrd, "mrd"),
        (InputConcept.MrdPcr, "mrd-pcr"),
        (InputConcept.MrdFlow, "mrd-flow"),
        (InputConcept.Cd19Blasts, "cd19-blasts"),
        (InputConcept.Wbc, "wbc"),
        (InputConcept.PbBlastsAbsolute, "pb-blasts-absolute"),
        (InputConcept.CsfBlasts, "csf-blasts"),
        (InputConcept.CsfWbc, "csf-wbc"),
        (InputConcept.Bsa, "bsa"),
        (InputConcept.Blinatumomab, "blinatumomab"),
        (InputConcept.InductionDrug, "induction-drug"),
        (InputConcept.AdverseReaction, "adverse-reaction"),
        (InputConcept.Positive, "positive"),
        (InputConcept.Negative, "negative"),
        (InputConcept.NotEvaluable, "not-evaluable"),
        (InputConcept.PositiveNotQuantifiable, "positive-not-quantifiable"),
    ];

    private static readonly FrozenDictionary<string, InputConcept> ByCode =
        All.ToFrozenDictionary(x => x.Code, x => x.Concept, StringComparer.Ordinal);

    private static readonly FrozenDictionary<InputConcept, string> ByConcept =
        All.ToFrozenDictionary(x => x.Concept, x => x.Code);

    /// <summary>Every concept with its code.</summary>
    public static IReadOnlyList<(InputConcept Concept, string Code)> Entries => All;

    public static bool TryParse(string? code, out InputConcept concept)
    {
        concept = default;
        return code is not null && ByCode.TryGetValue(code, out concept);
    }

    public static string Code(InputConcept concept) => ByConcept[concept];
}
