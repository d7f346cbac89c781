using Hl7.Fhir.Model;
using Interop.Ehr.Ndjson;

namespace Interop.Sync.Bulk;

/// <summary>
/// The second read of a staged export: the records of the run's candidates (and of the Patients linked to them), and every
/// Medication and Substance, in memory; nobody else's. Each item keeps its file and line as its location.
/// </summary>
internal sealed class BulkRecordIndex
{
    private const int MaxLinkedPatients = 8;

    private readonly Dictionary<string, SourceItem> _patients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SourceItem>> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceItem> _referenced = new(StringComparer.Ordinal);

    private BulkRecordIndex(IReadOnlySet<string> touched)
    {
        Touched = touched;
    }

    /// <summary>Patients the export holds anything of: one it does not hold is read by REST, never taken as having no records.</summary>
    public IReadOnlySet<string> Touched { get; }

    public static async Task<BulkRecordIndex> BuildAsync(string folder, BulkExportScan scan, IReadOnlyCollection<string> candidates, CancellationToken cancellationToken)
    {
        var wanted = WithLinks(candidates, scan.Links);
        var index = new BulkRecordIndex(scan.Touched);
        await foreach (var item in new NdjsonFolderReader().ReadAsync(folder, cancellationToken))
        {
            if (item.Resource is Medication or Substance)
            {
                // A later copy of the same id wins, as in the assembler; duplicates are not reported here (the file read does).
                index._referenced[item.Resource.TypeName + "/" + item.Resource.Id] = item;
                continue;
            }

            if (ExportPatientRefs.PatientOf(item) is not { } patientId || !wanted.Contains(patientId))
            {
                continue;
            }

            if ((item.Resource?.TypeName ?? item.Failure?.ResourceType) == "Patient")
            {
                index._patients[patientId] = item;
            }
            else
            {
                if (!index._records.TryGetValue(patientId, out var list))
                {
                    index._records[patientId] = list = [];
                }

                list.Add(item);
            }
        }

        return index;
    }

    public SourceItem? Patient(string patientId) => _patients.GetValueOrDefault(patientId);

    public IReadOnlyList<SourceItem> Records(string patientId) => _records.TryGetValue(patientId, out var list) ? list : [];

    public SourceItem? Referenced(string resourceType, string id) => _referenced.GetValueOrDefault(resourceType + "/" + id);

    // The reader follows Patient.link (up to a few hops): the linked Patients' records are kept too.
    private static HashSet<string> WithLinks(IReadOnlyCollection<string> candidates, Dictionary<string, List<string>> links)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var queue = new Queue<string>([candidate]);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (queue.Count > 0 && seen.Count < MaxLinkedPatients)
            {
                var id = queue.Dequeue();
                if (!seen.Add(id))
                {
                    continue;
                }

                wanted.Add(id);
                foreach (var other in links.GetValueOrDefault(id) ?? [])
                {
                    queue.Enqueue(other);
                }
            }
        }

        return wanted;
    }
}
