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
    /// <remarks>
    /// Copies of a record are told apart by the hashes of their lines. Only when two copies differ in their lines and not
    /// in their meta.lastUpdated (the same content may be written twice in different ways) is that not enough: then the
    /// folder is read again, hashing each record's content, so that the result is the same as if it had been read so at once.
    /// </remarks>
    public static async Task<FolderRecords> ReadAsync(string folder, FhirFactMapper mapper, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(mapper);
        return await ReadAsync(folder, mapper, byLine: true, cancellationToken)
            ?? (await ReadAsync(folder, mapper, byLine: false, cancellationToken))!;
    }

    // Null when byLine and the line hashes could not tell two copies apart (PatientRecordAssembler.NeedsContentHashes).
    private static async Task<FolderRecords?> ReadAsync(string folder, FhirFactMapper mapper, bool byLine, CancellationToken cancellationToken)
    {
        var assembler = new PatientRecordAssembler(mapper);
        var skipped = new List<SourceNote>();
        var reader = new NdjsonFolderReader { IrrelevantLines = mapper.IrrelevantLines };
        await foreach (var item in reader.ReadAsync(folder, cancellationToken))
        {
            if (item.Irrelevant is { } irrelevant)
            {
                assembler.AddIrrelevant(irrelevant, item.Location);
            }
            else if (item.Resource is not null)
            {
                assembler.Add(item.Resource, item.Location, byLine ? item.LineHash : null);
                if (assembler.NeedsContentHashes)
                {
                    return null;
                }
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
