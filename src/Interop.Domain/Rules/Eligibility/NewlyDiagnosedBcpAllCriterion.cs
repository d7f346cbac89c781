using Interop.Domain.Facts;
using Interop.Domain.Results;

namespace Interop.Domain.Rules.Eligibility;

/// <summary>
/// Newly diagnosed B-precursor ALL: a non-relapse ALL Condition, no relapse recorded before the
/// diagnosis under test, and B lineage either coded or shown by CD19-positive blasts.
/// </summary>
internal sealed class NewlyDiagnosedBcpAllCriterion : ICriterion
{
    public string Id => CriterionIds.NewlyDiagnosedBcpAll;

    public CriterionResult Evaluate(EvaluationContext context)
    {
        var diagnoses = context.Facts.Diagnoses;
        var initial = diagnoses.Where(d => !d.IsRelapse).ToList();
        var relapses = diagnoses.Where(d => d.IsRelapse).ToList();
        if (initial.Count == 0)
        {
            return relapses.Count > 0
                ? new(Id, CriterionStatus.NotMet, "relapsed ALL, not newly diagnosed", Evidence.Of(relapses.Refs()))
                : new(Id, CriterionStatus.Unknown, "no ALL diagnosis recorded", []);
        }

        if (context.Diagnosis.Date is { } diagnosisDate)
        {
            var earlier = relapses.Where(r => r.Date is { } d && d < diagnosisDate).ToList();
            if (earlier.Count > 0)
            {
                return new(Id, CriterionStatus.NotMet, "relapse recorded before the diagnosis under test",
                    Evidence.Of(earlier.Refs(), context.Diagnosis.Evidence));
            }
        }

        var bPrecursor = initial.Where(d => d.Kind == DiagnosisKind.BPrecursorAll).ToList();
        if (bPrecursor.Count > 0)
        {
            return new(Id, CriterionStatus.Met, "B-precursor ALL", Evidence.Of(bPrecursor.Refs()));
        }

        var (cd19, _, cd19Evidence) = Cd19Determination.Determine(context);
        var evidence = Evidence.Of(initial.Refs(), cd19Evidence);
        return cd19 switch
        {
            CriterionStatus.Met => new(Id, CriterionStatus.Met, "ALL of unstated lineage with CD19-positive blasts", evidence),
            CriterionStatus.NotMet => new(Id, CriterionStatus.NotMet, "ALL of unstated lineage with CD19-negative blasts", evidence),
            _ => new(Id, CriterionStatus.Unknown, "ALL of unstated lineage, CD19 unknown", evidence),
        };
    }
}
