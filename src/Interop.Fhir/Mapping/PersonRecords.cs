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

    /// <summary>The screened people, sorted by surviving id; <paramref name="entries"/> already carry surviving ids.</summary>
    public IReadOnlyList<PatientRecordSet> Build(IReadOnlyList<QuarantineEntry> entries)
    {
        var byPerson = entries
            .Where(e => e.PatientId is not null)
            .GroupBy(e => e.PatientId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<QuarantineEntry>)g.ToList(), StringComparer.Ordinal);

        return _facts
            .Where(f => IsScreened(f.Value))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new PatientRecordSet(
                Record(f.Key, f.Value),
                byPerson.TryGetValue(f.Key, out var q) ? q : []))
            .ToList();
    }

    private static bool IsScreened(FactBucket facts) =>
        facts.Diagnoses.Count > 0 || facts.Administrations.Exists(a => a.Drug == DrugClass.Blinatumomab);

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
