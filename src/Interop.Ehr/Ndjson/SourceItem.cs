using Hl7.Fhir.Model;
using Interop.Fhir.Mapping;

namespace Interop.Ehr.Ndjson;

/// <summary>
/// One thing a source yielded: a resource, a record set aside (<see cref="Failure"/>), a note about input that is
/// not patient data (<see cref="Note"/>), a deletion an export lists (<see cref="Deletion"/>), or a record recognised as
/// irrelevant without being parsed (<see cref="Irrelevant"/>). Exactly one is set.
/// </summary>
/// <param name="Location">
/// Where it was read: file name and 1-based line number, e.g. <c>Observation.ndjson:17</c>, a Bundle entry
/// (<c>Bundle.ndjson:3 entry 5</c>, entries numbered from 1), or a file name alone (never a machine path); from a live
/// EHR, the search it came from (<c>GET Observation search</c>).
/// </param>
/// <param name="Resource">The parsed resource, when the line was valid FHIR JSON.</param>
/// <param name="Failure">The quarantine entry, when it was not (or the file could not be read).</param>
public sealed record SourceItem(string Location, Resource? Resource, QuarantineEntry? Failure)
{
    /// <summary>A file, or lines of it, skipped because they hold no patient record (an export's log, its error report).</summary>
    public SourceNote? Note { get; init; }

    /// <summary>A Bundle entry that deletes <c>Type/id</c> (a Bulk Data export's list of deleted resources).</summary>
    public DeletedResource? Deletion { get; init; }

    /// <summary>
    /// A hash of the line's bytes, when <see cref="Resource"/> was parsed from a whole NDJSON line as it is (not a Bundle
    /// entry, no bytes replaced): two items with the same line hash hold the same resource. Null otherwise.
    /// </summary>
    public UInt128? LineHash { get; init; }

    /// <summary>
    /// A line recognised as a record of a type the adapter reads that says nothing the trial reads, without parsing it
    /// (<see cref="IrrelevantLineDetector"/>, file mode): counted, and weighed against other copies of the same record.
    /// </summary>
    public IrrelevantRecord? Irrelevant { get; init; }

    internal static SourceItem Noted(SourceNote note) => new(note.File, null, null) { Note = note };

    internal static SourceItem Deleted(string location, DeletedResource deletion) => new(location, null, null) { Deletion = deletion };
}

/// <summary>A resource an export says was deleted.</summary>
/// <param name="ResourceType">Its type.</param>
/// <param name="Id">Its logical id.</param>
public sealed record DeletedResource(string ResourceType, string Id);

/// <summary>
/// Input skipped because it is not patient data: counted, one note per file (or, for files that are not read at all,
/// one per file name extension: their names are not the export's own and may carry anything). Never holds content.
/// </summary>
/// <param name="File">The file name (<c>log.ndjson</c>), or a pattern for files not read (<c>*.json</c>).</param>
/// <param name="Kind">A stable code: <see cref="SourceNote.NotRead"/>, <see cref="SourceNote.NotResources"/> or <see cref="SourceNote.OperationOutcomes"/>.</param>
/// <param name="Count">Files not read, or lines skipped.</param>
/// <param name="Detail">What it is and why it was skipped, in the adapter's own words.</param>
public sealed record SourceNote(string File, string Kind, int Count, string Detail)
{
    /// <summary>Files (or folders) in the source folder that are not <c>*.ndjson</c> or <c>*.ndjson.gz</c>.</summary>
    public const string NotRead = "not-read";

    /// <summary>An NDJSON file none of whose lines is a FHIR resource (an export's log, a manifest written as NDJSON).</summary>
    public const string NotResources = "not-resources";

    /// <summary>OperationOutcome lines: an export's error or information report, not patient records.</summary>
    public const string OperationOutcomes = "operation-outcomes";
}
