using Interop.Domain.Facts;

namespace Interop.Domain.Tests;

/// <summary>A fluent builder of domain facts, anchored on a fixed timeline (birth, diagnosis, blinatumomab start).</summary>
internal sealed class PatientRecordBuilder
{
    public static readonly DateOnly Birth = new(2024, 1, 1);

    /// <summary>60 days after birth.</summary>
    public static readonly DateOnly DiagnosedOn = new(2024, 3, 1);

    /// <summary>Diagnosis + 40 days, after the end-of-induction window opens.</summary>
    public static readonly DateOnly BlinaStart = DiagnosedOn.AddDays(40);

    public static readonly EvidenceRef PatientRef = new("Patient", "p1", "1");

    private readonly List<Diagnosis> _diagnoses = [];
    private readonly List<LabResult> _labs = [];
    private readonly List<DrugAdministration> _administrations = [];
    private DateOnly? _birth = Birth;
    private Death? _death;
    private int _next;

    /// <summary>The evidence of the fact added last.</summary>
    public EvidenceRef LastRef { get; private set; } = PatientRef;

    /// <summary>Nothing but a birth date.</summary>
    public static PatientRecordBuilder Empty() => new();

    /// <summary>A patient meeting every criterion, before blinatumomab.</summary>
    public static PatientRecordBuilder EligibleBeforeBlinatumomab() => new PatientRecordBuilder()
        .Diagnosed(DiagnosedOn)
        .Kmt2a(Finding.Positive, DiagnosedOn)
        .Cd19(90m, DiagnosedOn)
        .Induction(DiagnosedOn)
        .Marrow(DiagnosedOn, 90m)
        .Marrow(DiagnosedOn.AddDays(33), 2m)
        .Lab(LabKind.WhiteCellCount, DiagnosedOn, 50m)
        .Lab(LabKind.PeripheralBloodBlasts, DiagnosedOn.AddDays(7), 100m);

    /// <summary>An eligible patient with a full 28-day course from <see cref="BlinaStart"/>.</summary>
    public static PatientRecordBuilder EligibleWithCourse() => EligibleBeforeBlinatumomab().BlinatumomabDays(BlinaStart, 28);

    public static DateTimeOffset At(DateOnly date, int hour = 8, int minute = 0) =>
        new(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    /// <summary>As of the end of <paramref name="date"/>.</summary>
    public static AsOf AsOfEndOf(DateOnly date) => new(At(date, 23, 59), date);

    public static AsOf AsOfInstant(DateTimeOffset instant) => new(instant, DateOnly.FromDateTime(instant.UtcDateTime));

    public PatientRecordBuilder BornOn(DateOnly? birth)
    {
        _birth = birth;
        return this;
    }

    public PatientRecordBuilder Diagnosed(DateOnly? onset, DiagnosisKind kind = DiagnosisKind.BPrecursorAll, bool relapse = false, DateOnly? recorded = null)
    {
        _diagnoses.Add(new Diagnosis(kind, relapse, onset, recorded, Next("Condition")));
        return this;
    }

    public PatientRecordBuilder Relapse(DateOnly date) => Diagnosed(date, relapse: true);

    public PatientRecordBuilder Lab(
        LabKind kind,
        DateOnly date,
        decimal? amount = null,
        Finding? finding = null,
        ResultStatus status = ResultStatus.Final,
        Comparator comparator = Comparator.None,
        AssayMethod method = AssayMethod.Unstated,
        int hour = 8)
    {
        _labs.Add(new LabResult(kind, date, At(date, hour), status, amount, comparator, finding, method, Next("Observation")));
        return this;
    }

    public PatientRecordBuilder Kmt2a(Finding finding, DateOnly? date = null) => Lab(LabKind.Kmt2a, date ?? DiagnosedOn, finding: finding);

    /// <summary>A KMT2A result read from a genomics report (a Genomics Reporting variant).</summary>
    public PatientRecordBuilder Kmt2aVariant(
        Kmt2aVariantKind kind, string? partner = null, Finding finding = Finding.Positive, DateOnly? date = null, ResultStatus status = ResultStatus.Final)
    {
        var on = date ?? DiagnosedOn;
        _labs.Add(new LabResult(LabKind.Kmt2a, on, At(on, 8), status, null, Comparator.None, finding, AssayMethod.Unstated, Next("Observation"))
        {
            Kmt2aVariant = new Kmt2aVariant(kind, partner),
        });
        return this;
    }

    public PatientRecordBuilder Cd19(decimal percent, DateOnly? date = null) => Lab(LabKind.Cd19, date ?? DiagnosedOn, percent);

    public PatientRecordBuilder Cd19(Finding finding, DateOnly? date = null, ResultStatus status = ResultStatus.Final) =>
        Lab(LabKind.Cd19, date ?? DiagnosedOn, finding: finding, status: status);

    public PatientRecordBuilder Marrow(DateOnly date, decimal percent) => Lab(LabKind.MarrowBlastsPercent, date, percent);

    public PatientRecordBuilder Mrd(DateOnly date, decimal? fraction = null, Finding? finding = null, AssayMethod method = AssayMethod.Pcr, Comparator comparator = Comparator.None) =>
        Lab(LabKind.Mrd, date, fraction, finding, comparator: comparator, method: method);

    public PatientRecordBuilder Induction(DateOnly date, AdministrationStatus status = AdministrationStatus.Completed) =>
        Administration(DrugClass.InductionDrug, status, At(date), At(date, 9), date);

    public PatientRecordBuilder Blinatumomab(
        DateTimeOffset start,
        DateTimeOffset? end,
        AdministrationStatus status = AdministrationStatus.Completed,
        decimal? perSquareMetre = null,
        decimal? micrograms = null,
        bool adverseReaction = false,
        DoseRate? rate = null,
        bool doseUnreadable = false)
    {
        Administration(DrugClass.Blinatumomab, status, start, end, DateOnly.FromDateTime(start.UtcDateTime), micrograms, perSquareMetre, adverseReaction);
        _administrations[^1] = _administrations[^1] with { Rate = rate, DoseUnreadable = doseUnreadable };
        return this;
    }

    /// <summary>One administration from 08:00 on <paramref name="start"/> for whole days, 15 ug/m2/day.</summary>
    public PatientRecordBuilder BlinatumomabDays(DateOnly start, int days) =>
        Blinatumomab(At(start), At(start.AddDays(days)), perSquareMetre: 15m * days);

    public PatientRecordBuilder Died(DateOnly? date, bool unrelated = false)
    {
        _death = new Death(date, unrelated, PatientRef);
        return this;
    }

    public PatientRecord Build() => new("p1", _birth, _death, [PatientRef], [.. _diagnoses], [.. _labs], [.. _administrations]);

    private PatientRecordBuilder Administration(
        DrugClass drug,
        AdministrationStatus status,
        DateTimeOffset start,
        DateTimeOffset? end,
        DateOnly startDate,
        decimal? micrograms = null,
        decimal? perSquareMetre = null,
        bool adverseReaction = false)
    {
        _administrations.Add(new DrugAdministration(drug, status, start, end, startDate, micrograms, perSquareMetre, adverseReaction, Next("MedicationAdministration")));
        return this;
    }

    private EvidenceRef Next(string type)
    {
        LastRef = new EvidenceRef(type, $"{type[0]}{++_next:D3}", "1");
        return LastRef;
    }
}
