using Interop.Domain.Results;

namespace Interop.Worker.Api;

/// <summary>The seven eligibility criteria of the protocol (docs/trial-rules.md) in words.</summary>
internal static class CriterionNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [CriterionIds.AgeAtDiagnosis] = "Age under 1 year at diagnosis",
        [CriterionIds.AgeAtBlinatumomabStart] = "Older than 28 days at start of blinatumomab",
        [CriterionIds.NewlyDiagnosedBcpAll] = "Newly diagnosed B-precursor ALL",
        [CriterionIds.Cd19Positive] = "CD19-positive blasts",
        [CriterionIds.Kmt2aRearranged] = "KMT2A rearranged (risk group MR or HR)",
        [CriterionIds.InductionGiven] = "Interfant-06 induction given",
        [CriterionIds.EndOfInductionMarrow] = "M1 or M2 marrow after induction",
    };

    /// <summary>The criterion's name in words; an id the map does not know is returned as it is.</summary>
    public static string Of(string criterionId) => Names.GetValueOrDefault(criterionId, criterionId);
}
