using Interop.Fhir.Mapping;

namespace Interop.Ehr.Bulk;

/// <summary>A finished export, staged and ready to read.</summary>
/// <param name="Folder">The folder of output and deleted files, read by the NDJSON folder reader.</param>
/// <param name="Manifest">The server's manifest (its transactionTime is the next run's watermark).</param>
/// <param name="Errors">Quarantine entries from the export's error files (each affects every patient).</param>
/// <param name="InformationalOutcomes">Information or warning OperationOutcomes in the error files (counted only).</param>
/// <param name="SinceApplied">Whether the export was incremental; false: a full export, the ledger diff finds what changed.</param>
/// <param name="TypesByRest">Types the server does not export: the caller fetches them by REST for the candidates.</param>
/// <param name="Resumed">Whether a saved job was resumed.</param>
/// <param name="JobForgotten">Whether a saved job was forgotten by the server and a new one kicked off.</param>
/// <param name="FilesDownloaded">Files downloaded by this run.</param>
/// <param name="FilesReused">Files a previous run had already staged.</param>
public sealed record BulkExportResult(
    string Folder,
    BulkManifest Manifest,
    IReadOnlyList<QuarantineEntry> Errors,
    int InformationalOutcomes,
    bool SinceApplied,
    IReadOnlyList<string> TypesByRest,
    bool Resumed,
    bool JobForgotten,
    int FilesDownloaded,
    int FilesReused);
