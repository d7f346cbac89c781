using Hl7.Fhir.Model;
using Interop.Ehr.Ndjson;
using Interop.Ehr.Rest;
using Interop.Fhir.Mapping;

namespace Interop.Worker.Sync.Live;

/// <summary>
/// Reads one candidate's records from the EHR (their Patient and every Patient linked to it, and each one's
/// Conditions, Observations and MedicationAdministrations with their Medications) into an assembler.
/// Locations are generic ("GET Condition search"): a query string would carry the patient id. A resource that is not valid
/// FHIR is quarantined with its type, id, patient and reason, and the rest of its page is read.
/// </summary>
/// <remarks>
/// Medications come with the administrations (<c>_include=MedicationAdministration:medication</c>); a referenced
/// Medication the server did not include, and the Substances and Medications a Medication's ingredients reference, are
/// read one by one (<c>GET Medication/{id}</c>, <c>GET Substance/{id}</c>) and kept for the rest of the run, as many
/// patients share them. One the server does not have stays missing: the assembler quarantines what needed it.
/// </remarks>
internal sealed class CandidateReader(FhirClient client, FhirFactMapper mapper, LiveSyncOptions options)
{
    private const int MaxLinkedPatients = 8;

    // Medication -> ingredient Medication -> Substance: a few levels at most in real exports.
    private const int MaxReferenceRounds = 4;

    // Read once per run: "Medication/x" or "Substance/y" -> the resource (or why it is not valid FHIR), or null when the server does not have it.
    private readonly Dictionary<string, SourceItem?> _shared = new(StringComparer.Ordinal);

    /// <summary>The assembled records, and every patient id read (the candidate and those linked to it).</summary>
    public async Task<(AssemblyResult Result, IReadOnlySet<string> PatientIds)> ReadAsync(string patientId, CancellationToken cancellationToken)
    {
        // A search may include the same Medication on several pages: not a duplicate worth a warning.
        var assembler = new PatientRecordAssembler(mapper) { ReportIdenticalCopies = false };
        var references = new MedicationReferences();
        var read = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([patientId]);
        while (queue.Count > 0 && read.Count < MaxLinkedPatients)
        {
            var id = queue.Dequeue();
            if (!read.Add(id))
            {
                continue;
            }

            var item = await ReadByIdAsync("Patient", id, cancellationToken);
            if (item?.Failure is { } broken)
            {
                // A Patient that is not valid FHIR (an impossible birth date, say): quarantined for that patient, who is withheld.
                assembler.AddUnattributed(broken);
            }
            else if (item?.Resource is Patient patient)
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
            await AddAllAsync(assembler, references, "Condition", [subject, count], cancellationToken);
            await AddAllAsync(assembler, references, "Observation", [subject, count], cancellationToken);
            await AddAllAsync(assembler, references, "MedicationAdministration", [subject, new("_include", "MedicationAdministration:medication"), count], cancellationToken);
        }

        await AddReferencedAsync(assembler, references, cancellationToken);
        return (assembler.Complete(), read);
    }

    private async System.Threading.Tasks.Task AddReferencedAsync(PatientRecordAssembler assembler, MedicationReferences references, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxReferenceRounds && references.Missing().ToList() is { Count: > 0 } missing; round++)
        {
            foreach (var key in missing)
            {
                if (!_shared.TryGetValue(key, out var item))
                {
                    var slash = key.IndexOf('/', StringComparison.Ordinal);
                    item = await ReadByIdAsync(key[..slash], key[(slash + 1)..], cancellationToken);
                    _shared[key] = item;
                }

                references.Have(key);
                if (item?.Resource is { } resource)
                {
                    references.Note(resource);
                    assembler.Add(resource, $"GET {resource.TypeName} read");
                }
                else if (item?.Failure is { } broken)
                {
                    // Reported here; whatever needed it is quarantined by the assembler as "not in the input".
                    assembler.AddUnattributed(broken);
                }
            }
        }
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
                return item.Failure is { } failure ? item with { Failure = failure with { Location = $"GET {resourceType} read" } } : item;
            }
        }

        return null;
    }

    /// <summary>Every resource the search returns; one that is not valid FHIR is quarantined (as a bad NDJSON line is) and the rest of its page read.</summary>
    private async System.Threading.Tasks.Task AddAllAsync(
        PatientRecordAssembler assembler, MedicationReferences references, string resourceType, KeyValuePair<string, string>[] parameters, CancellationToken cancellationToken)
    {
        await foreach (var item in client.SearchItemsAsync(resourceType, parameters, cancellationToken))
        {
            if (item.Resource is { } resource)
            {
                references.Note(resource);
                assembler.Add(resource, item.Location);
            }
            else if (item.Failure is { } failure)
            {
                assembler.AddUnattributed(failure);
            }
        }
    }
}
