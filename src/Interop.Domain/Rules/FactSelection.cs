using Interop.Domain.Facts;

namespace Interop.Domain.Rules;

/// <summary>
/// The facts as they stood at the as-of: later facts dropped, running administrations truncated,
/// and preliminary results counted only where no final result exists for the same timepoint.
/// </summary>
internal sealed class FactSelection
{
    private readonly ILookup<LabKind, LabResult> _counted;

    public FactSelection(PatientRecord record, AsOf asOf)
    {
        AsOf = asOf;
        Death = record.Death is { Date: { } d } && d > asOf.Date ? null : record.Death;
        Diagnoses = [.. record.Diagnoses.Where(x => x.Date is not { } d || d <= asOf.Date)];
        Administrations = [.. record.Administrations.Where(a => a.Start <= asOf.Instant).Select(Truncate)];
        var labs = record.Labs.Where(l => l.Date <= asOf.Date).ToList();
        _counted = labs.Where(l => Counts(l, labs)).OrderBy(l => l, ResultOrder.Instance).ToLookup(l => l.Kind);
        FirstBlinatumomab = Administrations
            .Where(a => a.Drug == DrugClass.Blinatumomab && a.Ran)
            .OrderBy(a => a.Start).ThenBy(a => a.Evidence)
            .FirstOrDefault();
    }

    public AsOf AsOf { get; }

    public Death? Death { get; }

    public IReadOnlyList<Diagnosis> Diagnoses { get; }

    /// <summary>Administrations started by the as-of; any ending after it end at it and count as in progress.</summary>
    public IReadOnlyList<DrugAdministration> Administrations { get; }

    /// <summary>The first blinatumomab administration that ran, if any.</summary>
    public DrugAdministration? FirstBlinatumomab { get; }

    /// <summary>Counted results of one kind, in <see cref="ResultOrder"/> (last is the latest).</summary>
    public IEnumerable<LabResult> Counted(LabKind kind) => _counted[kind];

    /// <summary>The latest of <paramref name="results"/> by (date, instant, evidence).</summary>
    public static LabResult? Last(IEnumerable<LabResult> results) => results.Max(ResultOrder.Instance);

    /// <summary>The earliest of <paramref name="results"/> by (date, instant, evidence).</summary>
    public static LabResult? First(IEnumerable<LabResult> results) => results.Min(ResultOrder.Instance);

    private static bool Counts(LabResult result, List<LabResult> all) =>
        result.Status == ResultStatus.Final
        || !all.Exists(o => o.Status == ResultStatus.Final && SameTimepoint(o, result));

    // A KMT2A variant that is no rearrangement never supersedes a preliminary rearrangement result (nor the reverse).
    private static bool SameTimepoint(LabResult a, LabResult b) =>
        a.Kind == b.Kind && a.Date == b.Date && (a.Kind != LabKind.Mrd || a.Method == b.Method)
        && a.IsKmt2aRearrangementResult == b.IsKmt2aRearrangementResult;

    private DrugAdministration Truncate(DrugAdministration a)
    {
        if (a.End is not { } end || end <= AsOf.Instant)
        {
            return a;
        }

        // As of the cut-off the administration was still running: it had not yet completed or stopped.
        return a.Ran
            ? a with { End = AsOf.Instant, Status = AdministrationStatus.InProgress, StoppedForAdverseReaction = false }
            : a with { End = AsOf.Instant };
    }

    /// <summary>Orders results by date, then instant, then evidence.</summary>
    internal sealed class ResultOrder : IComparer<LabResult>
    {
        public static ResultOrder Instance { get; } = new();

        public int Compare(LabResult? x, LabResult? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            var c = x.Date.CompareTo(y.Date);
            if (c == 0)
            {
                c = x.At.CompareTo(y.At);
            }

            return c != 0 ? c : x.Evidence.CompareTo(y.Evidence);
        }
    }
}
