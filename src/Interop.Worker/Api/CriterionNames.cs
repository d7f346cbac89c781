namespace Interop.Worker.Api;

/// <summary>The seven eligibility criteria of the protocol (trial.md) in words.</summary>
internal static class CriterionNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["age-at-diagnosis"] = "Age under 1 year at diagnosis",
        ["age-at-blinatumomab-start"] = "Older than 28 days at start of blinatumomab",
        ["newly-diagnosed-bcp-all"] = "Newly diagnosed B-precursor ALL",
        ["cd19-positive"] = "CD19-positive blasts",
        ["kmt2a-rearranged"] = "KMT2A rearranged (risk group MR or HR)",
        ["induction-given"] = "Interfant-06 induction given",
        ["eoi-marrow-m1-m2"] = "M1 or M2 marrow after induction",
    };

    /// <summary>The criterion's name in words; an id the map does not know is returned as it is.</summary>
    public static string Of(string criterionId) => Names.GetValueOrDefault(criterionId, criterionId);
}
