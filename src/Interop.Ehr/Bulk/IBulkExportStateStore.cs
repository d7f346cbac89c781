namespace Interop.Ehr.Bulk;

/// <summary>
/// Where a running export's job is kept so that a crashed or restarted run resumes it (the state store in production):
/// its status URL, staging folder and the files already downloaded.
/// </summary>
public interface IBulkExportStateStore
{
    /// <summary>The saved job of EHR <paramref name="ehr"/>, or null.</summary>
    Task<BulkExportState?> LoadAsync(string ehr, CancellationToken cancellationToken);

    /// <summary>Saves a newly kicked-off job, replacing any other of the EHR.</summary>
    Task SaveAsync(BulkExportState state, CancellationToken cancellationToken);

    /// <summary>Records that the file at <paramref name="url"/> is staged whole as <paramref name="fileName"/>.</summary>
    Task MarkFetchedAsync(string ehr, Uri url, string fileName, CancellationToken cancellationToken);

    /// <summary>Forgets the EHR's job (read to the end, cancelled, or forgotten by the server).</summary>
    Task ClearAsync(string ehr, CancellationToken cancellationToken);
}

/// <summary>A saved export job.</summary>
/// <param name="Ehr">The EHR's configured name.</param>
/// <param name="StatusUrl">The status URL.</param>
/// <param name="Folder">The job's staging folder (absolute).</param>
/// <param name="Shape">The request's <see cref="BulkExportRequest.Shape"/>: a job is resumed only for the same request.</param>
/// <param name="KickedOffAt">When it was kicked off.</param>
/// <param name="SinceSent">Whether it was an incremental export.</param>
/// <param name="TypesByRest">Types the server does not export.</param>
/// <param name="Fetched">Files already staged whole: URL to file name.</param>
public sealed record BulkExportState(
    string Ehr, Uri StatusUrl, string Folder, string Shape, DateTimeOffset KickedOffAt, bool SinceSent,
    IReadOnlyList<string> TypesByRest, IReadOnlyDictionary<string, string> Fetched);
