using Interop.Fhir.Mapping;
using Interop.Fhir.Terminology;

namespace Interop.Sync.Pipeline;

/// <summary>
/// Where a run reads patient records (issue 11; ADR 0017): an NDJSON folder (<see cref="Files.NdjsonFolderSource"/>), the
/// EHR's REST API (<see cref="Live.RestCandidateSource"/>) or a Bulk Data <c>$export</c> (<see cref="Bulk.BulkCandidateSource"/>).
/// Every source finds the run's candidates, then gives their records as per-patient record sets (<see cref="IRecordReader"/>),
/// so the rest of the run (<see cref="SyncPipeline"/>: evaluate, build, validate, hand to the sink, report) is one.
/// </summary>
internal interface IRecordSource
{
    /// <summary>Whether every quarantined record is reported when it is read (file mode: its report is the same each run),
    /// rather than a screened patient's only when that patient is withheld.</summary>
    bool ReportsEveryQuarantineOnRead { get; }

    /// <summary>Finds the run's candidates, incrementally from the scope's watermark where the source can.</summary>
    Task<CandidateSet> DiscoverAsync(SourceScope scope, CancellationToken cancellationToken);

    /// <summary>A reader for the run's final candidates (discovered, queued for retry, or found by the sink's drift scan).</summary>
    Task<IRecordReader> OpenAsync(IReadOnlyCollection<string> candidates, SourceScope scope, CancellationToken cancellationToken);

    /// <summary>The run has read and recorded everything: let go of what the source kept for it (a Bulk export's staged files).</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>What a source reads a run with.</summary>
/// <param name="Target">The run's target: the EHR's configured name, or <see cref="RunHistory.FileTarget"/>.</param>
/// <param name="Map">The site's terminology (the shipped defaults and its ConceptMaps).</param>
/// <param name="Mapper">Maps each resource to the trial's facts.</param>
/// <param name="Watermark">Where an incremental read starts; null: read everything.</param>
internal sealed record SourceScope(string Target, TerminologyMap Map, FhirFactMapper Mapper, DateTimeOffset? Watermark);

/// <summary>What discovery found.</summary>
/// <param name="Candidates">The candidates' patient ids, in ordinal order.</param>
internal sealed record CandidateSet(SortedSet<string> Candidates)
{
    /// <summary>The watermark the run advances to once every write-back committed; null: the run's start less the clock-skew margin.</summary>
    public DateTimeOffset? HighWater { get; init; }

    /// <summary>Records set aside for the whole run (a Bulk export's error files, lines naming no patient); reported once.</summary>
    public IReadOnlyList<QuarantineEntry> Quarantined { get; init; } = [];

    /// <summary>Input skipped because it is not patient data (an export folder's logs and error reports), in the order met.</summary>
    public IReadOnlyList<Interop.Ehr.Ndjson.SourceNote> Skipped { get; init; } = [];

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
