using Interop.Domain.Facts;
using Interop.Domain.Results;

namespace Interop.Domain.Rules;

/// <summary>What every rule reads: the options, the as-of facts and the values several rules share.</summary>
internal sealed class EvaluationContext
{
    private readonly List<DataQualityFlag> _flags = [];

    public EvaluationContext(TrialRuleOptions options, PatientRecord record, AsOf asOf)
    {
        Options = options;
        Record = record;
        Facts = new FactSelection(record, asOf);
        Diagnosis = DiagnosisDateRule.Evaluate(Facts);
    }

    public TrialRuleOptions Options { get; }

    public PatientRecord Record { get; }

    public AsOf AsOf => Facts.AsOf;

    public FactSelection Facts { get; }

    public DiagnosisDate Diagnosis { get; }

    public DateOnly? BirthDate => Record.BirthDate;

    /// <summary>Data-quality flags raised so far (see <see cref="Flag"/>).</summary>
    public IReadOnlyList<DataQualityFlag> Flags => _flags;

    /// <summary>Notes that a rule read <paramref name="evidence"/> under a fallback rule or set it aside; once per rule and record.</summary>
    public void Flag(string rule, EvidenceRef evidence, string detail)
    {
        if (!_flags.Exists(f => f.Rule == rule && f.Evidence == evidence))
        {
            _flags.Add(new DataQualityFlag(rule, evidence, detail));
        }
    }

    /// <summary>Whole days from birth to <paramref name="date"/>, when the birth date is known.</summary>
    public int? AgeInDays(DateOnly? date) =>
        BirthDate is { } birth && date is { } d ? d.DayNumber - birth.DayNumber : null;

    /// <summary>The calendar date of the first blinatumomab start, else the as-of date.</summary>
    public DateOnly BlinatumomabStartOrAsOfDate => Facts.FirstBlinatumomab?.StartDate ?? AsOf.Date;
}
