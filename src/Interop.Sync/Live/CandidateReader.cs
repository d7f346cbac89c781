using Hl7.Fhir.Model;
using Interop.Ehr.Ndjson;
using Interop.Fhir.Mapping;
using Interop.Sync.Pipeline;

namespace Interop.Sync.Live;

/// <summary>
/// Reads one candidate's records from a feed (the EHR's REST API or a staged Bulk export: their Patient and every Patient
/// linked to it, and each one's Conditions, Observations and MedicationAdministrations with their Medications) into an
/// assembler. A resource that is not valid FHIR is quarantined with its type, id, patient and reason, and the rest is read.
/// </summary>
/// <remarks>
/// Medications come with the administrations where the feed can include them; a referenced Medication that did not come,
/// and the Substances and Medications a Medication's ingredients reference, are read one by one and kept for the rest of
/// the run, as many patients share them. One the source does not have stays missing: the assembler quarantines what needed it.
/// </remarks>
internal sealed class CandidateReader(IPatientRecordFeed feed, FhirFactMapper mapper, IReadOnlyCollection<string> candidates) : IRecordReader
{
    private const int MaxLinkedPatients = 8;

    // Medication -> ingredient Medication -> Substance: a few levels at most in real exports.
    private const int MaxReferenceRounds = 4;

    // Read once per run: "Medication/x" or "Substance/y" -> the resource (or why it is not valid FHIR), or null when the server does not have it.
    private readonly Dictionary<string, SourceItem?> _shared = new(StringComparer.Ordinal);

    /// <summary>
    /// Each candidate's read, in order; a candidate read already as another's linked Patient is not read again. A read that
    /// meets an expected failure (the EHR, its protocol) is given as that candidate's failure, and the next one is read.
    /// </summary>
    public async IAsyncEnumerable<RecordRead> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (covered.Contains(candidate))
            {
                continue;
            }

            RecordRead read;
            try
            {
                var (assembled, patientIds) = await ReadCandidateAsync(candidate, cancellationToken);
                covered.UnionWith(patientIds);
                read = new RecordRead(candidate, assembled, patientIds);
            }
            catch (Exception ex) when (ExpectedFailures.Is(ex) && !cancellationToken.IsCancellationRequested)
            {
                read = RecordRead.Failed(candidate, ex);
            }

            yield return read;
        }
    }

    /// <summary>The assembled records, and every patient id read (the candidate and those linked to it).</summary>
    private async Task<(AssemblyResult Result, IReadOnlySet<string> PatientIds)> ReadCandidateAsync(string patientId, CancellationToken cancellationToken)
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

            var item = await feed.PatientAsync(id, cancellationToken);
            if (item?.Failure is { } broken)
            {
                // A Patient that is not valid FHIR (an impossible birth date, say): quarantined for that patient, who is withheld.
                assembler.AddUnattributed(broken);
            }
            else if (item?.Resource is Patient patient)
            {
                assembler.Add(patient, item.Location);
                foreach (var link in patient.Link)
                {
                    if (PatientReferences.IdOf(link.Other) is { } other && !read.Contains(other))
                    {
                        queue.Enqueue(other);
                    }
                }
            }

            await foreach (var record in feed.RecordsAsync(id, cancellationToken))
            {
                Add(assembler, references, record);
            }
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
                    item = await feed.ReferencedAsync(key[..slash], key[(slash + 1)..], cancellationToken);
                    _shared[key] = item;
                }

                references.Have(key);
                if (item?.Resource is { } resource)
                {
                    references.Note(resource);
                    assembler.Add(resource, item.Location);
                }
                else if (item?.Failure is { } broken)
                {
                    // Reported here; whatever needed it is quarantined by the assembler as "not in the input".
                    assembler.AddUnattributed(broken);
                }
            }
        }
    }

    /// <summary>A resource is noted and added; one that is not valid FHIR is quarantined (as a bad NDJSON line is).</summary>
    private static void Add(PatientRecordAssembler assembler, MedicationReferences references, SourceItem item)
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
