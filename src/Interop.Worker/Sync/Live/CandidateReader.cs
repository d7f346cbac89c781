using System.Net;
using Hl7.Fhir.Model;
using Interop.Ehr.Rest;
using Interop.Fhir.Mapping;

namespace Interop.Worker.Sync.Live;

/// <summary>
/// Reads one candidate's records from the EHR (their Patient and every Patient linked to it, and each one's
/// Conditions, Observations and MedicationAdministrations with their Medications) into an assembler.
/// Locations are generic ("GET Condition search"): a query string would carry the patient id. A resource that is not valid
/// FHIR is quarantined with its type, id, patient and reason, and the rest of its page is read.
/// </summary>
internal sealed class CandidateReader(FhirClient client, FhirFactMapper mapper, LiveSyncOptions options)
{
    private const int MaxLinkedPatients = 8;

    /// <summary>The assembled records, and every patient id read (the candidate and those linked to it).</summary>
    public async Task<(AssemblyResult Result, IReadOnlySet<string> PatientIds)> ReadAsync(string patientId, CancellationToken cancellationToken)
    {
        // A search may include the same Medication on several pages: not a duplicate worth a warning.
        var assembler = new PatientRecordAssembler(mapper) { ReportIdenticalCopies = false };
        var read = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([patientId]);
        while (queue.Count > 0 && read.Count < MaxLinkedPatients)
        {
            var id = queue.Dequeue();
            if (!read.Add(id))
            {
                continue;
            }

            if (await ReadPatientAsync(id, cancellationToken) is { } patient)
            {
                assembler.Add(patient, "GET Patient read");
                foreach (var link in patient.Link)
                {
                    if (PatientReferences.IdOf(link.Other) is { } other && !read.Contains(other))
                    {
                        queue.Enqueue(other);
                    }
                }
            }

            var subject = new KeyValuePair<string, string>("subject", "Patient/" + id);
            var count = new KeyValuePair<string, string>("_count", options.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await AddAllAsync(assembler, "Condition", [subject, count], cancellationToken);
            await AddAllAsync(assembler, "Observation", [subject, count], cancellationToken);
            await AddAllAsync(assembler, "MedicationAdministration", [subject, new("_include", "MedicationAdministration:medication"), count], cancellationToken);
        }

        return (assembler.Complete(), read);
    }

    private async Task<Patient?> ReadPatientAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await client.ReadAsync<Patient>(id, cancellationToken);
        }
        catch (FhirServerException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            // Deleted or never there: the records that remain are evaluated without it (as an export without the Patient line).
            return null;
        }
    }

    /// <summary>Every resource the search returns; one that is not valid FHIR is quarantined (as a bad NDJSON line is) and the rest of its page read.</summary>
    private async System.Threading.Tasks.Task AddAllAsync(
        PatientRecordAssembler assembler, string resourceType, KeyValuePair<string, string>[] parameters, CancellationToken cancellationToken)
    {
        await foreach (var item in client.SearchItemsAsync(resourceType, parameters, cancellationToken))
        {
            if (item.Resource is { } resource)
            {
                assembler.Add(resource, item.Location);
            }
            else if (item.Failure is { } failure)
            {
                assembler.AddUnattributed(failure);
            }
        }
    }
}
