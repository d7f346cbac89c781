using Interop.Domain.Facts;

namespace Interop.Domain.Rules.Eligibility;

/// <summary>What the KMT2A results say, taken together.</summary>
internal enum Kmt2aStatus
{
    Missing,
    Rearranged,
    Germline,
    NotEvaluable,
    Contradictory,
}

/// <summary>
/// KMT2A status from every counted coded result: a definite result (rearranged or germline)
/// outweighs "not evaluable"; definite results that disagree are contradictory.
/// </summary>
internal static class Kmt2aDetermination
{
    public static (Kmt2aStatus Status, IReadOnlyList<EvidenceRef> Evidence) Determine(FactSelection facts)
    {
        var results = facts.Counted(LabKind.Kmt2a).Where(r => r.Finding is not null).ToList();
        var positive = results.Where(r => r.Finding == Finding.Positive).ToList();
        var negative = results.Where(r => r.Finding == Finding.Negative).ToList();
        var notEvaluable = results.Where(r => r.Finding == Finding.NotEvaluable).ToList();
        return (positive.Count > 0, negative.Count > 0) switch
        {
            (true, true) => (Kmt2aStatus.Contradictory, Evidence.Of(positive.Refs(), negative.Refs())),
            (true, false) => (Kmt2aStatus.Rearranged, Evidence.Of(positive.Refs())),
            (false, true) => (Kmt2aStatus.Germline, Evidence.Of(negative.Refs())),
            _ when notEvaluable.Count > 0 => (Kmt2aStatus.NotEvaluable, Evidence.Of(notEvaluable.Refs())),
            _ => (Kmt2aStatus.Missing, []),
        };
    }
}
