using Interop.Fhir.Mapping;
using Interop.Fhir.Terminology;

namespace Interop.Worker.Sync.Live;

/// <summary>
/// Where a live run reads the EHR (issue 11): by FHIR REST searches (<see cref="RestCandidateSource"/>) or through a Bulk
/// Data <c>$export</c> (<see cref="Bulk.BulkCandidateSource"/>). Both find candidates by the same codes
/// (<see cref="CandidateCodes"/>) and give one candidate's records the same shape (<see cref="CandidateReader"/>), so the
/// rest of the run, its write-back and its report, is one.
/// </summary>
internal interface ICandidateSource
{
    /// <summary>Finds the run's candidates, incrementally from <paramref name="watermark"/> where the source can.</summary>
    Task<CandidateSet> DiscoverAsync(string ehrName, TerminologyMap map, DateTimeOffset? watermark, CancellationToken cancellationToken);

    /// <summary>A reader for the run's final candidates (discovered, queued for retry, or found by the drift scan).</summary>
    Task<CandidateReader> OpenAsync(IReadOnlyCollection<string> candidates, FhirFactMapper mapper, CancellationToken cancellationToken);

    /// <summary>The run has read and recorded everything: let go of what the source kept for it (a Bulk export's staged files).</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>What discovery found.</summary>
/// <param name="Candidates">The candidates' patient ids, in ordinal order.</param>
internal sealed record CandidateSet(SortedSet<string> Candidates)
{
    /// <summary>The watermark the run advances to once every write-back committed; null: the run's start less the clock-skew margin.</summary>
    public DateTimeOffset? HighWater { get; init; }

    /// <summary>Records set aside for the whole run (a Bulk export's error files, lines naming no patient); reported once.</summary>
    public IReadOnlyList<QuarantineEntry> Quarantined { get; init; } = [];

    /// <summary>How the Bulk export went, when the run read one.</summary>
    public BulkReadSummary? Bulk { get; init; }
}

/// <summary>How a run's Bulk Data export went (the run report's <c>bulkExport</c>).</summary>
/// <param name="Incremental">Whether the export was limited by <c>_since</c>; when so, each candidate's whole record is read by REST.</param>
/// <param name="Resumed">Whether a job saved by an earlier run (which stopped or crashed) was resumed.</param>
/// <param name="JobForgotten">Whether the server had forgotten a saved job, so a new one was kicked off.</param>
/// <param name="FilesDownloaded">Files this run downloaded.</param>
/// <param name="FilesReused">Files an earlier run had already staged.</param>
/// <param name="ResourcesScanned">Resources in the export's files, read to find the candidates.</param>
/// <param name="TypesByRest">Types the server does not export: read by REST for the candidates.</param>
/// <param name="InformationalOutcomes">Information or warning OperationOutcomes in the export's error files (counted only).</param>
/// <param name="TransactionTime">The server's time the export reflects: the next incremental export's <c>_since</c>.</param>
public sealed record BulkReadSummary(
    bool Incremental,
    bool Resumed,
    bool JobForgotten,
    int FilesDownloaded,
    int FilesReused,
    int ResourcesScanned,
    IReadOnlyList<string> TypesByRest,
    int InformationalOutcomes,
    DateTimeOffset TransactionTime);
