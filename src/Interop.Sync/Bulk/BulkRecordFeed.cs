using System.Runtime.CompilerServices;
using Interop.Ehr.Ndjson;
using Interop.Sync.Live;

namespace Interop.Sync.Bulk;

/// <summary>
/// A candidate's records from a full (not incremental) staged export, with REST where the export cannot answer: the types the
/// server does not export, a Medication or Substance it did not include, and a patient it holds nothing of (a candidate
/// queued for retry or found by the drift scan: its records are read from the EHR, never taken as none).
/// </summary>
internal sealed class BulkRecordFeed(BulkRecordIndex index, RestRecordFeed rest, IReadOnlyCollection<string> typesByRest) : IPatientRecordFeed
{
    public Task<SourceItem?> PatientAsync(string patientId, CancellationToken cancellationToken) =>
        !index.Touched.Contains(patientId) || typesByRest.Contains("Patient")
            ? rest.PatientAsync(patientId, cancellationToken)
            : Task.FromResult(index.Patient(patientId));

    public async IAsyncEnumerable<SourceItem> RecordsAsync(string patientId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!index.Touched.Contains(patientId))
        {
            await foreach (var item in rest.RecordsAsync(patientId, cancellationToken))
            {
                yield return item;
            }

            yield break;
        }

        foreach (var item in index.Records(patientId))
        {
            yield return item;
        }

        foreach (var type in RestRecordFeed.RecordTypes.Where(typesByRest.Contains))
        {
            await foreach (var item in rest.RecordsAsync(patientId, type, cancellationToken))
            {
                yield return item;
            }
        }
    }

    public async Task<SourceItem?> ReferencedAsync(string resourceType, string id, CancellationToken cancellationToken) =>
        index.Referenced(resourceType, id) ?? await rest.ReferencedAsync(resourceType, id, cancellationToken);
}
