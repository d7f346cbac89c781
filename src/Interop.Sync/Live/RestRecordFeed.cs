using System.Globalization;
using System.Runtime.CompilerServices;
using Interop.Ehr.Ndjson;
using Interop.Ehr.Rest;

namespace Interop.Sync.Live;

/// <summary>
/// A patient's records by FHIR REST: the Patient and each referenced Medication or Substance by id, the records by
/// <c>subject</c> search (administrations with <c>_include=MedicationAdministration:medication</c>). Locations are generic
/// ("GET Condition search"): a query string would carry the patient id.
/// </summary>
internal sealed class RestRecordFeed(FhirClient client, LiveSyncOptions options) : IPatientRecordFeed
{
    /// <summary>The record types searched per patient.</summary>
    public static readonly string[] RecordTypes = ["Condition", "Observation", "MedicationAdministration"];

    public Task<SourceItem?> PatientAsync(string patientId, CancellationToken cancellationToken) => ReadByIdAsync("Patient", patientId, cancellationToken);

    public Task<SourceItem?> ReferencedAsync(string resourceType, string id, CancellationToken cancellationToken) => ReadByIdAsync(resourceType, id, cancellationToken);

    public async IAsyncEnumerable<SourceItem> RecordsAsync(string patientId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var type in RecordTypes)
        {
            await foreach (var item in RecordsAsync(patientId, type, cancellationToken))
            {
                yield return item;
            }
        }
    }

    /// <summary>One type of the patient's records.</summary>
    public IAsyncEnumerable<SourceItem> RecordsAsync(string patientId, string resourceType, CancellationToken cancellationToken)
    {
        var subject = new KeyValuePair<string, string>("subject", "Patient/" + patientId);
        var count = new KeyValuePair<string, string>("_count", options.PageSize.ToString(CultureInfo.InvariantCulture));
        KeyValuePair<string, string>[] parameters = resourceType == "MedicationAdministration"
            ? [subject, new("_include", "MedicationAdministration:medication"), count]
            : [subject, count];
        return client.SearchItemsAsync(resourceType, parameters, cancellationToken);
    }

    /// <summary>
    /// One resource by id, as a search (<c>GET {type}?_id={id}</c>, one request like a read) so that a resource that is not
    /// valid FHIR is set aside with its type, id and reason instead of failing the patient's whole read every run. Null when
    /// the server does not have it (deleted or never there: the records that remain are evaluated without it).
    /// </summary>
    private async Task<SourceItem?> ReadByIdAsync(string resourceType, string id, CancellationToken cancellationToken)
    {
        await foreach (var item in client.SearchItemsAsync(resourceType, [new("_id", id)], cancellationToken))
        {
            var type = item.Resource?.TypeName ?? item.Failure?.ResourceType;
            var itemId = item.Resource?.Id ?? item.Failure?.ResourceId;
            if (type == resourceType && (itemId is null || itemId == id))
            {
                var location = $"GET {resourceType} read";
                return item.Failure is { } failure ? item with { Location = location, Failure = failure with { Location = location } } : item with { Location = location };
            }
        }

        return null;
    }
}
