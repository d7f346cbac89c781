using Interop.Ehr.Ndjson;

namespace Interop.Sync.Live;

/// <summary>
/// Where <see cref="CandidateReader"/> gets one patient's records: the EHR's REST API (<see cref="RestRecordFeed"/>) or a
/// staged Bulk Data export (<see cref="Bulk.BulkRecordFeed"/>). A resource that is not valid FHIR comes as a
/// <see cref="SourceItem.Failure"/> naming its type, id and patient where they could be read.
/// </summary>
internal interface IPatientRecordFeed
{
    /// <summary>The Patient resource, or null when the source does not have it.</summary>
    Task<SourceItem?> PatientAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>The patient's Conditions, Observations and MedicationAdministrations (and any Medications that come with them).</summary>
    IAsyncEnumerable<SourceItem> RecordsAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>A referenced Medication or Substance, or null when the source does not have it.</summary>
    Task<SourceItem?> ReferencedAsync(string resourceType, string id, CancellationToken cancellationToken);
}
