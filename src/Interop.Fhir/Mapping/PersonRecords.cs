using Interop.Domain.Facts;

namespace Interop.Fhir.Mapping;

/// <summary>Folds Patient data and facts of merged ids under each person's surviving id and builds the screened record sets.</summary>
internal sealed class PersonRecords(PersonIndex persons)
{
    private readonly Dictionary<string, List<PatientInfo>> _patients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FactBucket> _facts = new(StringComparer.Ordinal);

    public void AddPatient(PatientInfo patient)
    {
        var survivor = persons.SurvivorOf(patient.PatientId);
        if (!_patients.TryGetValue(survivor, out var list))
        {
            list = [];
            _patients.Add(survivor, list);
        }

        list.Add(patient);
    }

    public void AddFacts(string patientId, FactBucket bucket)
    {
        var survivor = persons.SurvivorOf(patientId);
        if (!_facts.TryGetValue(survivor, out var merged))
        {
            merged = new FactBucket();
            _facts.Add(survivor, merged);
        }

        merged.Add(bucket);
    }

    /// <summary>The surviving ids of the people who are screened.</summary>
    public IReadOnlySet<string> Screened() =>
        _facts.Where(f => IsScreened(f.Value)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The screened people, sorted by surviving id, each with their quarantined records and warnings;
    /// <paramref name="entries"/> and <paramref name="warnings"/> already carry surviving ids.
    /// </summary>
    public IReadOnlyList<PatientRecordSet> Build(IReadOnlyList<QuarantineEntry> entries, IReadOnlyList<WarningEntry> warnings)
    {
        var quarantinedByPerson = ByPerson(entries, e => e.PatientId);
        var warnedByPerson = ByPerson(warnings, w => w.PatientId);
        return _facts
            .Where(f => IsScreened(f.Value))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new PatientRecordSet(
                Record(f.Key, f.Value),
                quarantinedByPerson.TryGetValue(f.Key, out var q) ? q : [])
            {
                Warnings = warnedByPerson.TryGetValue(f.Key, out var w) ? w : [],
            })
            .ToList();
    }

    /// <summary>
    /// Screened: an ALL diagnosis (incl. relapse), a blinatumomab administration, or a trial-specific result (KMT2A, MRD,
    /// bone-marrow blasts, CD19 on blasts): problem lists are often incomplete, and a patient with such results but no coded
    /// ALL is evaluated (the diagnosis criterion then unknown) rather than ignored. A KMT2A variant that is no rearrangement
    /// (e.g. a point mutation from a solid-tumour panel) screens nobody.
    /// </summary>
    private static bool IsScreened(FactBucket facts) =>
        facts.Diagnoses.Count > 0
        || facts.Administrations.Exists(a => a.Drug == DrugClass.Blinatumomab)
        || facts.Labs.Exists(l => IsTrialSpecific(l.Kind) && (l.Kind != LabKind.Kmt2a || l.IsKmt2aRearrangementResult));

    /// <summary>Results only a leukaemia work-up produces; a blood count or a body-surface area alone screens nobody.</summary>
    internal static bool IsTrialSpecific(LabKind kind) =>
        kind is LabKind.Kmt2a or LabKind.Mrd or LabKind.MarrowBlastsPercent or LabKind.Cd19;

    private static Dictionary<string, IReadOnlyList<T>> ByPerson<T>(IEnumerable<T> items, Func<T, string?> person) =>
        items
            .Where(i => person(i) is not null)
            .GroupBy(i => person(i)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToList(), StringComparer.Ordinal);

    private PatientRecord Record(string survivor, FactBucket facts)
    {
        // The survivor's own Patient first, then merged ones in id order.
        var infos = _patients.TryGetValue(survivor, out var list)
            ? list.OrderBy(p => p.PatientId != survivor).ThenBy(p => p.PatientId, StringComparer.Ordinal).ToList()
            : [];
        var birthDate = infos.Select(p => p.BirthDate).FirstOrDefault(d => d is not null);
        var deaths = infos.Select(p => p.Death).OfType<Death>().ToList();
        var death = deaths.Find(d => d.Date is not null) ?? deaths.FirstOrDefault();

        return new PatientRecord(
            survivor,
            birthDate,
            death,
            infos.Select(p => p.Evidence).Order().ToList(),
            facts.Diagnoses.OrderBy(d => d.Date ?? DateOnly.MaxValue).ThenBy(d => d.Evidence).ToList(),
            facts.Labs.OrderBy(l => l.At).ThenBy(l => l.Evidence).ToList(),
            facts.Administrations.OrderBy(a => a.Start).ThenBy(a => a.Evidence).ToList());
    }
}
