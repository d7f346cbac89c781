using System.Net;
using Hl7.Fhir.Model;
using Interop.Ehr.Rest;
using Interop.Fhir.Mapping;

namespace Interop.Worker.Sync.Live;

/// <summary>
/// Reads one candidate's records from the EHR (their Patient and every Patient linked to it, and each one's
/// Conditions, Observations and MedicationAdministrations with their Medications) into an assembler.
/// Locations are generic ("GET Condition search"): a query string would carry the patient id.
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

    // Read once per run: "Medication/x" or "Substance/y" -> the resource, or null when the server does not have it.
    private readonly Dictionary<string, Resource?> _shared = new(StringComparer.Ordinal);

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
                if (!_shared.TryGetValue(key, out var resource))
                {
                    resource = await ReadSharedAsync(key, cancellationToken);
                    _shared[key] = resource;
                }

                references.Have(key);
                if (resource is not null)
                {
                    references.Note(resource);
                    assembler.Add(resource, $"GET {resource.TypeName} read");
                }
            }
        }
    }

    private async Task<Resource?> ReadSharedAsync(string key, CancellationToken cancellationToken)
    {
        var (type, id) = (key[..key.IndexOf('/', StringComparison.Ordinal)], key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        try
        {
            return type == "Substance"
                ? await client.ReadAsync<Substance>(id, cancellationToken)
                : await client.ReadAsync<Medication>(id, cancellationToken);
        }
        catch (FhirServerException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }
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

    private async System.Threading.Tasks.Task AddAllAsync(
        PatientRecordAssembler assembler, MedicationReferences references, string resourceType, KeyValuePair<string, string>[] parameters, CancellationToken cancellationToken)
    {
        var location = $"GET {resourceType} search";
        await foreach (var resource in client.SearchAsync(resourceType, parameters, cancellationToken))
        {
            references.Note(resource);
            assembler.Add(resource, resource is Medication ? "GET Medication include" : location);
        }
    }
}
