using Interop.Domain.Results;

namespace Interop.Sync;

/// <summary>Counts verdicts, reasons and outcomes as patients are evaluated.</summary>
internal sealed class RunTally
{
    private readonly Dictionary<string, int> _notMet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _missing = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _outcomes = new(StringComparer.Ordinal);

    public int Eligible { get; private set; }

    public int Ineligible { get; private set; }

    public int Undetermined { get; private set; }

    public int Evaluated { get; private set; }

    public int Withheld { get; private set; }

    public int Provenances { get; private set; }

    public void AddWithheld() => Withheld++;

    public void Add(EligibilityResult eligibility)
    {
        Evaluated++;
        switch (eligibility.Verdict)
        {
            case EligibilityVerdict.Eligible:
                Eligible++;
                break;
            case EligibilityVerdict.Ineligible:
                Ineligible++;
                Count(_notMet, eligibility.NotMet);
                break;
            default:
                Undetermined++;
                Count(_missing, eligibility.Missing);
                break;
        }
    }

    public void AddOutcomes(IEnumerable<string> outcomeCodes)
    {
        foreach (var code in outcomeCodes)
        {
            _outcomes[code] = _outcomes.GetValueOrDefault(code) + 1;
        }

        Provenances++;
    }

    public IReadOnlyList<CriterionCount> NotMet => Ranked(_notMet);

    public IReadOnlyList<CriterionCount> Missing => Ranked(_missing);

    public IReadOnlyDictionary<string, int> Outcomes => _outcomes;

    private static void Count(Dictionary<string, int> counts, IEnumerable<CriterionResult> criteria)
    {
        foreach (var criterion in criteria)
        {
            counts[criterion.CriterionId] = counts.GetValueOrDefault(criterion.CriterionId) + 1;
        }
    }

    private static List<CriterionCount> Ranked(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new CriterionCount(kv.Key, kv.Value))];
}
