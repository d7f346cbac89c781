using Interop.Ehr.Ndjson;
using Interop.Fhir.Mapping;

namespace Interop.Sync.Files;

/// <summary>
/// Reads a Bulk Data NDJSON folder whole and assembles every patient's records: each resource is mapped, each line that
/// is not valid FHIR is quarantined, each deletion an export lists is applied, and what is not patient data is noted.
/// The whole folder is read before any patient is assembled, because a patient's records may be spread over every file.
/// </summary>
public static class NdjsonFolderRecords
{
    /// <summary>Reads <paramref name="folder"/> and assembles it with <paramref name="mapper"/>.</summary>
    public static async Task<FolderRecords> ReadAsync(string folder, FhirFactMapper mapper, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(mapper);
        var assembler = new PatientRecordAssembler(mapper);
        var skipped = new List<SourceNote>();
        await foreach (var item in new NdjsonFolderReader().ReadAsync(folder, cancellationToken))
        {
            if (item.Resource is not null)
            {
                assembler.Add(item.Resource, item.Location);
            }
            else if (item.Failure is not null)
            {
                assembler.AddUnattributed(item.Failure);
            }
            else if (item.Deletion is { } deletion)
            {
                assembler.AddDeletion(deletion.ResourceType, deletion.Id, item.Location);
            }
            else if (item.Note is not null)
            {
                skipped.Add(item.Note);
            }
        }

        return new FolderRecords(assembler.Complete(), skipped);
    }
}

/// <summary>A folder's assembled records, and the input skipped because it is not patient data (in the order met).</summary>
public sealed record FolderRecords(AssemblyResult Assembled, IReadOnlyList<SourceNote> Skipped);
