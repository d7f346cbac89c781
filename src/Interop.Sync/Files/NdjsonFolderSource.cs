using Interop.Sync.Pipeline;

namespace Interop.Sync.Files;

/// <summary>
/// A Bulk Data NDJSON folder as a source of the pipeline (file mode): discovery reads and assembles the whole folder
/// (<see cref="NdjsonFolderRecords"/>), since a patient's records may be in every file; its candidates are the screened
/// patients, and the reader gives them as one read, in the folder's order. Every quarantined record is reported when read,
/// in input order, so the report is the same each run. A folder has no watermark: every run reads it all.
/// </summary>
internal sealed class NdjsonFolderSource(string folder) : IRecordSource
{
    private FolderRecords? _records;

    public bool ReportsEveryQuarantineOnRead => true;

    public async Task<CandidateSet> DiscoverAsync(SourceScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var records = _records = await NdjsonFolderRecords.ReadAsync(folder, scope.Mapper, cancellationToken);
        var screened = records.Assembled.Patients.Select(p => p.Record.PatientId);
        return new CandidateSet(new SortedSet<string>(screened, StringComparer.Ordinal)) { Skipped = records.Skipped };
    }

    public Task<IRecordReader> OpenAsync(IReadOnlyCollection<string> candidates, SourceScope scope, CancellationToken cancellationToken)
    {
        var records = _records ?? throw new InvalidOperationException("DiscoverAsync first.");
        return Task.FromResult<IRecordReader>(new WholeFolderReader(records));
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The folder's records as one read (they were read and assembled at discovery).</summary>
    private sealed class WholeFolderReader(FolderRecords records) : IRecordReader
    {
        public async IAsyncEnumerable<RecordRead> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            var screened = records.Assembled.Patients.Select(p => p.Record.PatientId).ToHashSet(StringComparer.Ordinal);
            yield return new RecordRead(null, records.Assembled, screened);
        }
    }
}
