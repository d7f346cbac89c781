using Hl7.Fhir.Model;
using Interop.Domain.Facts;

namespace Interop.Fhir.Mapping;

/// <summary>
/// Collects mapped resources, one at a time, into per-person record sets. Keeps only compact facts, ids and
/// quarantine entries, never a Resource, so memory does not grow with irrelevant input (beyond a compact key per
/// record of a type the adapter reads, to find duplicates: <see cref="DuplicateIndex"/>). Not thread-safe.
/// </summary>
/// <param name="mapper">Maps each resource as it is added.</param>
public sealed class PatientRecordAssembler(FhirFactMapper mapper)
{
    private readonly Dictionary<string, PatientInfo> _patients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FactBucket> _facts = new(StringComparer.Ordinal);

    private readonly MedicationResolver _medications = new();
    private readonly List<Pending> _awaiting = [];
    private readonly List<(int Sequence, QuarantineEntry Entry, bool CouldScreen)> _quarantined = [];
    private readonly List<(int Sequence, WarningEntry Entry)> _warnings = [];
    private readonly DuplicateIndex _duplicates = new();

    // Copies taken back because another copy of the same record won: their quarantines, warnings and pending administrations no longer count.
    private readonly HashSet<int> _retracted = [];
    private int _sequence;
    private int _read;
    private int _irrelevant;

    /// <summary>
    /// Whether a record read twice with the same content is listed as a warning (file mode: the export holds it twice). A live
    /// read turns it off: a search may include the same Medication on several pages.
    /// </summary>
    public bool ReportIdenticalCopies { get; init; } = true;

    /// <summary>
    /// True when a record came twice with different line hashes and the same meta.lastUpdated (or none): whether the two
    /// copies hold the same content is not known from the lines, so this assembler's result is not to be used. Read the
    /// input again without line hashes, which hashes each record's content instead. False when no line hash was given.
    /// </summary>
    public bool NeedsContentHashes => _duplicates.Undecided;

    /// <summary>Maps <paramref name="resource"/> now and keeps what it contributes (unless another copy of it wins).</summary>
    public void Add(Resource resource, string location) => Add(resource, location, lineHash: null);

    /// <summary>
    /// As <see cref="Add(Resource, string)"/>, for a resource parsed from an NDJSON line as it is: <paramref name="lineHash"/>,
    /// the hash of the line's bytes, tells its copies apart instead of a hash of its content serialised again (cheaper;
    /// see <see cref="NeedsContentHashes"/> for when that is not enough). Null: the content is hashed.
    /// </summary>
    public void Add(Resource resource, string location, UInt128? lineHash)
    {
        ArgumentNullException.ThrowIfNull(resource);
        _read++;
        var sequence = _sequence++;
        var mapped = mapper.Map(resource, location);
        if (resource.Id is { Length: > 0 } id && FhirFactMapper.ReadsResourceType(resource.TypeName))
        {
            var decision = _duplicates.Offer(resource.TypeName, id, DuplicateIndex.CopyOf(resource, mapped, location, sequence, lineHash));
            if (decision.Retract is { } earlier)
            {
                Retract(earlier, resource.TypeName, id);
            }

            if (!decision.Use)
            {
                _irrelevant += mapped is IrrelevantResource ? 1 : 0;
                return;
            }
        }

        Keep(resource, location, sequence, mapped);
    }

    /// <summary>
    /// Counts a record recognised as irrelevant without being parsed (<see cref="IrrelevantLineDetector"/>): the same as
    /// <see cref="Add(Resource, string, UInt128?)"/> of that record, which would map to <see cref="IrrelevantResource"/>.
    /// </summary>
    public void AddIrrelevant(IrrelevantRecord record, string location)
    {
        ArgumentNullException.ThrowIfNull(record);
        _read++;
        _irrelevant++;
        var sequence = _sequence++;
        if (record.Id is { Length: > 0 } id
            && _duplicates.Offer(record.ResourceType, id, new RecordCopy(sequence, location, CopyKind.Irrelevant, record.LastUpdatedUtcTicks, null, record.PatientId)).Retract is { } earlier)
        {
            Retract(earlier, record.ResourceType, id);
        }
    }

    /// <summary>Records that an export lists <paramref name="resourceType"/>/<paramref name="id"/> as deleted (a Bundle DELETE entry).</summary>
    public void AddDeletion(string resourceType, string id, string location)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceType);
        ArgumentException.ThrowIfNullOrEmpty(id);
        var sequence = _sequence++;
        if (FhirFactMapper.ReadsResourceType(resourceType)
            && _duplicates.Offer(resourceType, id, new RecordCopy(sequence, location, CopyKind.Deletion, null, null, null)).Retract is { } earlier)
        {
            Retract(earlier, resourceType, id);
        }
    }

    private void Keep(Resource resource, string location, int sequence, MappedResource mapped)
    {
        switch (mapped)
        {
            case IrrelevantResource:
                _irrelevant++;
                break;
            case DroppedResource:
                break;
            case QuarantinedResource q:
                _quarantined.Add((sequence, new QuarantineEntry(location, resource.TypeName, resource.Id, q.PatientId, q.Reason), q.CouldScreen));
                break;
            case NotedResource noted:
                Warn(sequence, location, resource, noted.PatientId, noted.Warning);
                break;
            case PatientInfo patient:
                _patients[patient.PatientId] = patient;
                break;
            case MappedFacts facts:
                Bucket(facts.PatientId).Add(facts);
                foreach (var warning in facts.Warnings)
                {
                    Warn(sequence, location, resource, facts.PatientId, warning);
                }

                break;
            case MedicationInfo medication:
                _medications.Add(medication);
                if (medication is { Drug: null, IngredientReferences.Count: 0 })
                {
                    _irrelevant++;
                }

                break;
            case SubstanceInfo substance:
                _medications.Add(substance);
                if (substance.Drug is null)
                {
                    _irrelevant++;
                }

                break;
            case AwaitingMedication awaiting:
                _awaiting.Add(new Pending(sequence, location, resource.TypeName, resource.Id, awaiting));
                break;
        }
    }

    /// <summary>Takes back what an earlier copy of a record contributed, now that another copy wins or they conflict.</summary>
    private void Retract(RecordCopy copy, string resourceType, string id)
    {
        _retracted.Add(copy.Sequence);
        if (resourceType == "Patient")
        {
            _patients.Remove(id);
        }
        else if (resourceType is "Medication" or "Substance")
        {
            _medications.Remove(resourceType, id);
        }
        else if (copy.PatientId is { } patientId && _facts.TryGetValue(patientId, out var bucket))
        {
            bucket.Remove(resourceType, id);
        }
    }

    /// <summary>Records something that could not be mapped to a resource at all (e.g. a malformed NDJSON line).</summary>
    public void AddUnattributed(QuarantineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _quarantined.Add((_sequence++, entry, true));
    }

    /// <summary>Resolves Medication references, merges linked Patients and builds the result. Does not change the assembler.</summary>
    public AssemblyResult Complete()
    {
        var irrelevant = _irrelevant;
        var (duplicateEntries, duplicateWarnings) = _duplicates.Outcome(ReportIdenticalCopies);
        var quarantined = _quarantined.Where(q => !_retracted.Contains(q.Sequence))
            .Concat(duplicateEntries.Select(d => (d.Sequence, d.Entry, CouldScreen: true)))
            .ToList();
        var warnings = _warnings.Where(w => !_retracted.Contains(w.Sequence)).Concat(duplicateWarnings).ToList();
        var late = new Dictionary<string, FactBucket>(StringComparer.Ordinal);
        foreach (var pending in _awaiting.Where(p => !_retracted.Contains(p.Sequence)))
        {
            var a = pending.Awaiting;
            var settled = _medications.Settle(a);
            if (settled.QuarantineReason is { } reason)
            {
                if (reason == MedicationResolver.MedicationNotInInput && _duplicates.IsConflicted("Medication", a.MedicationId))
                {
                    reason = "MedicationAdministration.medicationReference: the Medication is set aside (copies that differ in the input)";
                }

                quarantined.Add((pending.Sequence, pending.Entry(a.PatientId, reason), settled.CouldScreen));
                continue;
            }

            if (settled.Administration is { } administration)
            {
                GetOrAdd(late, a.PatientId!).Administrations.Add(administration);
            }
            else
            {
                irrelevant++;
            }

            warnings.AddRange(settled.Warnings.Select(w => (pending.Sequence, pending.Warning(a.PatientId!, w))));
        }

        var persons = BuildPersons(quarantined.Select(q => q.Entry.PatientId).Concat(warnings.Select(w => w.Entry.PatientId)), late);
        var records = new PersonRecords(persons);
        foreach (var patient in _patients.Values)
        {
            records.AddPatient(patient);
        }

        foreach (var (id, bucket) in _facts.Concat(late))
        {
            records.AddFacts(id, bucket);
        }

        var screened = records.Screened();
        var entries = quarantined
            .OrderBy(q => q.Sequence)
            .Select(q => q.Entry.PatientId is { } pid ? Attribute(q.Entry, persons.SurvivorOf(pid), q.CouldScreen, screened) : q.Entry)
            .ToList();
        var warned = warnings
            .OrderBy(w => w.Sequence)
            .Select(w => w.Entry.PatientId is { } pid ? w.Entry with { PatientId = persons.SurvivorOf(pid) } : w.Entry)
            .ToList();

        return new AssemblyResult(records.Build(entries, warned), entries, _read, irrelevant, persons.PersonCount) { Warnings = warned };
    }

    private static QuarantineEntry Attribute(QuarantineEntry entry, string survivor, bool couldScreen, IReadOnlySet<string> screened) =>
        entry with { PatientId = survivor, OutsideScreening = !couldScreen && !screened.Contains(survivor) };

    private void Warn(int sequence, string location, Resource resource, string patientId, MappingWarning warning) =>
        _warnings.Add((sequence, new WarningEntry(location, resource.TypeName, resource.Id, patientId, warning.Rule, warning.Detail)));

    private PersonIndex BuildPersons(IEnumerable<string?> attributed, Dictionary<string, FactBucket> late)
    {
        var persons = new PersonIndex();
        foreach (var patient in _patients.Values)
        {
            persons.Add(patient.PatientId);
            foreach (var link in patient.Links)
            {
                if (link.Kind == PatientLinkKind.ReplacedBy)
                {
                    persons.Replace(patient.PatientId, link.OtherPatientId);
                }
                else
                {
                    persons.Replace(link.OtherPatientId, patient.PatientId);
                }
            }
        }

        foreach (var id in _facts.Keys.Concat(late.Keys))
        {
            persons.Add(id);
        }

        foreach (var id in attributed.OfType<string>())
        {
            persons.Add(id);
        }

        persons.Seal(_patients.ContainsKey);
        return persons;
    }

    private FactBucket Bucket(string patientId) => GetOrAdd(_facts, patientId);

    private static FactBucket GetOrAdd(Dictionary<string, FactBucket> buckets, string patientId)
    {
        if (!buckets.TryGetValue(patientId, out var bucket))
        {
            bucket = new FactBucket();
            buckets.Add(patientId, bucket);
        }

        return bucket;
    }

    private sealed record Pending(int Sequence, string Location, string ResourceType, string? ResourceId, AwaitingMedication Awaiting)
    {
        public QuarantineEntry Entry(string? patientId, string reason) => new(Location, ResourceType, ResourceId, patientId, reason);

        public WarningEntry Warning(string patientId, MappingWarning warning) => new(Location, ResourceType, ResourceId, patientId, warning.Rule, warning.Detail);
    }
}
