using Interop.Domain.Facts;

namespace Interop.Domain.Rules;

/// <summary>The ALL diagnosis date under test and the record it came from.</summary>
internal sealed record DiagnosisDate(DateOnly? Date, IReadOnlyList<EvidenceRef> Evidence)
{
    public static DiagnosisDate None { get; } = new(null, []);
}

/// <summary>
/// The earliest non-relapse ALL Condition's date (onset, else recorded); without one, the
/// earliest diagnostic bone-marrow result.
/// </summary>
internal static class DiagnosisDateRule
{
    public static DiagnosisDate Evaluate(FactSelection facts)
    {
        var condition = facts.Diagnoses
            .Where(d => !d.IsRelapse && d.Date is not null)
            .OrderBy(d => d.Date).ThenBy(d => d.Evidence)
            .FirstOrDefault();
        if (condition is not null)
        {
            return new DiagnosisDate(condition.Date, [condition.Evidence]);
        }

        var marrow = FactSelection.First(facts.Counted(LabKind.MarrowBlastsPercent));
        return marrow is null ? DiagnosisDate.None : new DiagnosisDate(marrow.Date, [marrow.Evidence]);
    }
}
