using Interop.Fhir.Mapping;

namespace Interop.Sync.Pipeline;

/// <summary>
/// Gives a run's records, one read at a time: one candidate's (a live EHR, with every Patient linked to them) or a whole
/// folder's. A read that meets a failure a patient is expected to meet (<see cref="ExpectedFailures"/>) is given as that
/// candidate's failure, and the reader goes on with the next one.
/// </summary>
internal interface IRecordReader
{
    /// <summary>The reads, in the order the run handles them.</summary>
    IAsyncEnumerable<RecordRead> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One read: the assembled records and every patient id it covers, or the failure that stopped it.
/// </summary>
/// <param name="Candidate">The candidate read (whose retry is queued when it failed); null for a whole folder.</param>
/// <param name="Assembled">The patients' records; null when the read failed.</param>
/// <param name="PatientIds">Every patient id the read covers: one of them not among the screened patients has whatever the
/// sink holds for them retracted.</param>
/// <param name="Failure">The expected failure that stopped the read.</param>
internal sealed record RecordRead(string? Candidate, AssemblyResult? Assembled, IReadOnlySet<string> PatientIds, Exception? Failure = null)
{
    public static RecordRead Failed(string candidate, Exception failure) => new(candidate, null, new HashSet<string>(), failure);
}
