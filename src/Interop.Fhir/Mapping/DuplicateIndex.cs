using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;

namespace Interop.Fhir.Mapping;

/// <summary>What became of one copy of a record the adapter reads.</summary>
internal enum CopyKind
{
    /// <summary>It mapped to something (facts, a Patient, a Medication, a quarantine, a warning, a drop).</summary>
    Relevant,

    /// <summary>It says nothing the trial reads (e.g. an Observation of another code).</summary>
    Irrelevant,

    /// <summary>An export lists it as deleted.</summary>
    Deletion,
}

/// <summary>What a copy's <see cref="RecordCopy.Content"/> hashes.</summary>
internal enum ContentHash
{
    /// <summary>The resource serialised again: copies with the same content have the same hash, however they were written.</summary>
    Serialised,

    /// <summary>The NDJSON line as read: the same hash means the same content, another hash may still be the same content written differently.</summary>
    Line,
}

/// <summary>One copy of a <c>Type/id</c>: where it was, its meta.lastUpdated (UTC ticks), a hash of its content (and of what), whose it is.</summary>
internal readonly record struct RecordCopy(int Sequence, string Location, CopyKind Kind, long? LastUpdated, UInt128? Content, string? PatientId)
{
    public ContentHash Hashed { get; init; }
}

/// <summary>Whether to use the copy just offered, and which earlier copy's contributions to take back.</summary>
internal readonly record struct CopyDecision(bool Use, RecordCopy? Retract);

/// <summary>
/// The same <c>Type/id</c> read more than once (files concatenated, a full and an incremental export in one folder,
/// a Bundle beside the NDJSON). Rule: identical copies are read once; otherwise the copy with the latest
/// meta.lastUpdated is used and the others are superseded; when no copy is strictly latest (equal or missing
/// lastUpdated) every copy is quarantined. Only records of the types the adapter reads are kept, and of them only
/// a hashed key, the location, lastUpdated and a content hash: never the resource.
/// </summary>
internal sealed class DuplicateIndex
{
    private readonly Dictionary<UInt128, RecordCopy> _first = [];
    private readonly Dictionary<UInt128, Duplicates> _duplicates = [];

    /// <summary>
    /// True when two copies were told apart by their line hashes only and cannot be told apart otherwise (the same
    /// meta.lastUpdated, or none): whether they hold the same content is unknown, so the decisions taken are not to be used;
    /// the input is to be read again without line hashes.
    /// </summary>
    public bool Undecided { get; private set; }

    /// <summary>
    /// The copy <paramref name="resource"/> (mapped to <paramref name="mapped"/>, read at <paramref name="location"/> as the
    /// <paramref name="sequence"/>th item) is; <paramref name="lineHash"/>: the hash of the NDJSON line it was parsed from as it
    /// is, or null to hash its content serialised again.
    /// </summary>
    public static RecordCopy CopyOf(Resource resource, MappedResource mapped, string location, int sequence, UInt128? lineHash = null)
    {
        var kind = mapped is IrrelevantResource ? CopyKind.Irrelevant : CopyKind.Relevant;
        var lastUpdated = resource.Meta?.LastUpdated?.UtcTicks;
        var patient = PatientOf(resource, mapped);

        // Only relevant copies can be identical to another that matters: an irrelevant one differs from any relevant one by definition.
        if (kind != CopyKind.Relevant)
        {
            return new RecordCopy(sequence, location, kind, lastUpdated, null, patient);
        }

        return lineHash is { } line
            ? new RecordCopy(sequence, location, kind, lastUpdated, line, patient) { Hashed = ContentHash.Line }
            : new RecordCopy(sequence, location, kind, lastUpdated, XxHash128.HashToUInt128(JsonSerializer.SerializeToUtf8Bytes(resource, FhirJson.Options)), patient);
    }

    /// <summary>Records <paramref name="copy"/> of <paramref name="type"/>/<paramref name="id"/> and decides on it.</summary>
    public CopyDecision Offer(string type, string id, RecordCopy copy)
    {
        var key = XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(type + "/" + id));
        if (_duplicates.TryGetValue(key, out var duplicates))
        {
            return Decide(duplicates, copy);
        }

        if (!_first.TryGetValue(key, out var first))
        {
            _first.Add(key, copy);
            return new CopyDecision(true, null);
        }

        if (first.Kind != CopyKind.Relevant && copy.Kind != CopyKind.Relevant)
        {
            // Neither says anything to the trial: keep one stand-in (a deletion, else the later), so that a relevant copy
            // read later is still weighed against them.
            _first[key] = first.Kind == CopyKind.Deletion || (copy.Kind != CopyKind.Deletion && Later(first, copy)) ? first : copy;
            return new CopyDecision(true, null);
        }

        duplicates = new Duplicates(type, id, first);
        _duplicates.Add(key, duplicates);
        return Decide(duplicates, copy);
    }

    private CopyDecision Decide(Duplicates duplicates, RecordCopy copy)
    {
        var (decision, known) = duplicates.Add(copy);
        Undecided |= !known;
        return decision;
    }

    /// <summary>True when every copy of <paramref name="type"/>/<paramref name="id"/> is quarantined as conflicting.</summary>
    public bool IsConflicted(string type, string id) =>
        _duplicates.TryGetValue(XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(type + "/" + id)), out var d) && d.Winner is null;

    /// <summary>The quarantine entries and warnings the rule gives, with their sequence (input order).</summary>
    public (List<(int Sequence, QuarantineEntry Entry)> Quarantined, List<(int Sequence, WarningEntry Entry)> Warnings) Outcome(bool reportIdentical)
    {
        var quarantined = new List<(int, QuarantineEntry)>();
        var warnings = new List<(int, WarningEntry)>();
        foreach (var d in _duplicates.Values)
        {
            d.Report(quarantined, warnings, reportIdentical);
        }

        return (quarantined, warnings);
    }

    private static bool Later(RecordCopy a, RecordCopy b) => a.LastUpdated is null || (b.LastUpdated is { } t && a.LastUpdated >= t);

    private static string? PatientOf(Resource resource, MappedResource mapped) => mapped switch
    {
        MappedFacts f => f.PatientId,
        PatientInfo p => p.PatientId,
        QuarantinedResource q => q.PatientId,
        NotedResource n => n.PatientId,
        AwaitingMedication a => a.PatientId,
        _ => resource switch
        {
            Observation o => FhirReferences.PatientId(o.Subject),
            Condition c => FhirReferences.PatientId(c.Subject),
            DiagnosticReport d => FhirReferences.PatientId(d.Subject),
            MedicationAdministration m => FhirReferences.PatientId(m.Subject),
            _ => null,
        },
    };
}
