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

    /// <summary>Only variants that neither show nor rule out a rearrangement (a point mutation, one particular fusion absent).</summary>
    NotInformative,
}

/// <summary>The KMT2A status, its evidence, and the fusion partners named by the rearranged results (HGNC symbols, sorted).</summary>
internal sealed record Kmt2aFindings(Kmt2aStatus Status, IReadOnlyList<EvidenceRef> Evidence, IReadOnlyList<string> Partners)
{
    /// <summary>"KMT2A rearranged", with the partner(s) in fusion notation when named (KMT2A::AFF1).</summary>
    public string RearrangedText => Partners.Count switch
    {
        0 => "KMT2A rearranged",
        1 => $"KMT2A rearranged (KMT2A::{Partners[0]})",
        _ => $"KMT2A rearranged (partners {string.Join(", ", Partners)})",
    };
}

/// <summary>
/// KMT2A status from every counted coded result about rearrangement: a definite result (rearranged or germline)
/// outweighs "not evaluable"; definite results that disagree are contradictory. Genomics-report variants that are no
/// rearrangement (a point mutation, a germline-source variant) are not rearrangement results: alone they leave the
/// status open (<see cref="Kmt2aStatus.NotInformative"/>), never "germline".
/// </summary>
internal static class Kmt2aDetermination
{
    public static Kmt2aFindings Determine(FactSelection facts)
    {
        var coded = facts.Counted(LabKind.Kmt2a).Where(r => r.Finding is not null).ToList();
        var results = coded.Where(r => r.IsKmt2aRearrangementResult).ToList();
        var positive = results.Where(r => r.Finding == Finding.Positive).ToList();
        var negative = results.Where(r => r.Finding == Finding.Negative).ToList();
        var notEvaluable = results.Where(r => r.Finding == Finding.NotEvaluable).ToList();
        var partners = positive
            .Select(r => r.Kmt2aVariant?.PartnerGene)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return (positive.Count > 0, negative.Count > 0) switch
        {
            (true, true) => new(Kmt2aStatus.Contradictory, Evidence.Of(positive.Refs(), negative.Refs()), []),
            (true, false) => new(Kmt2aStatus.Rearranged, Evidence.Of(positive.Refs()), partners),
            (false, true) => new(Kmt2aStatus.Germline, Evidence.Of(negative.Refs()), []),
            _ when notEvaluable.Count > 0 => new(Kmt2aStatus.NotEvaluable, Evidence.Of(notEvaluable.Refs()), []),
            _ when coded.Count > 0 => new(Kmt2aStatus.NotInformative, Evidence.Of(coded.Refs()), []),
            _ => new(Kmt2aStatus.Missing, [], []),
        };
    }
}
