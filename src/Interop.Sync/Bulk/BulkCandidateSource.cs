using Interop.Ehr.Bulk;
using Interop.Ehr.Rest;
using Interop.Fhir.Mapping;
using Interop.Fhir.Terminology;
using Interop.Store;
using Interop.Sync.Live;
using Interop.Sync.Pipeline;
using Microsoft.Extensions.Logging;

namespace Interop.Sync.Bulk;

/// <summary>
/// The EHR read through a Bulk Data <c>$export</c> (<c>Ehrs:&lt;name&gt;:Read: Bulk</c>, ADR 0014). The export (resumed when an
/// earlier run left one) is staged, then read twice: once for the candidates (the same codes as REST discovery), once for
/// their records only.
/// <list type="bullet">
/// <item>A full export (the first run, or a server without <c>_since</c>) is a snapshot: each candidate's records come from it,
/// with REST for the types it lacks, the Medications it does not include, and a patient it holds nothing of.</item>
/// <item>An incremental export holds only what changed: it names the candidates (those it screens, and the known ones it
/// touches), and each candidate's whole record is read by REST, as an unchanged record may be needed to evaluate them.</item>
/// </list>
/// Administrations that reference a blinatumomab Medication are found as REST discovery finds them (a few searches), since
/// a Patient-level export does not carry Medications. The run advances the watermark to the export's transactionTime.
/// </summary>
internal sealed class BulkCandidateSource(
    BulkExporter exporter,
    string stagingFolder,
    FhirClient client,
    StateStore store,
    LiveSyncOptions options,
    ILogger logger) : IRecordSource
{
    private BulkExportResult? _export;
    private BulkExportScan? _scan;

    public bool ReportsEveryQuarantineOnRead => false;

    public async Task<CandidateSet> DiscoverAsync(SourceScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (ehrName, map, watermark) = (scope.Target, scope.Map, scope.Watermark);
        string[] types = ["Patient", .. RestRecordFeed.RecordTypes, "Medication"];
        var filter = "Observation?code=" + string.Join(',', CandidateCodes.AllObservationTokens(map));
        var export = _export = await exporter.ExportAsync(new BulkExportRequest(types, watermark, [filter]), stagingFolder, cancellationToken);
        var scan = _scan = await BulkExportScan.ScanAsync(export.Folder, map, cancellationToken);

        var candidates = new SortedSet<string>(scan.Screened, StringComparer.Ordinal);
        var discovery = new CandidateDiscovery(client, store, options);
        var since = export.SinceApplied ? watermark : null;
        await discovery.AddSubjectsByMedicationAsync(candidates, map.TokensFor([InputConcept.Blinatumomab]), since, cancellationToken);
        if (export.TypesByRest.Count > 0)
        {
            // What the export lacks is searched as REST discovery would (by code, a few requests), so no candidate hides in it.
            candidates.UnionWith(await discovery.DiscoverAsync(ehrName, map, since, cancellationToken));
        }

        // Patients the export touches who had outcomes written: re-evaluated (a retracted diagnosis, an outcome to withdraw).
        var known = (await store.ListLedgerAsync(ehrName, cancellationToken)).Select(e => e.PatientId).ToHashSet(StringComparer.Ordinal);
        candidates.UnionWith(scan.Touched.Where(known.Contains));

        LiveSyncLog.BulkExportRead(logger, ehrName, export.SinceApplied ? "incremental" : "full", export.FilesDownloaded, export.FilesReused, scan.ResourcesScanned, candidates.Count);
        return new CandidateSet(candidates)
        {
            HighWater = export.Manifest.TransactionTime,
            Quarantined = [.. export.Errors, .. scan.Unattributed],
            Bulk = new BulkReadSummary(
                export.SinceApplied, export.Resumed, export.JobForgotten, export.FilesDownloaded, export.FilesReused, scan.ResourcesScanned,
                export.TypesByRest, export.InformationalOutcomes, export.Manifest.TransactionTime),
        };
    }

    public async Task<IRecordReader> OpenAsync(IReadOnlyCollection<string> candidates, SourceScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var export = _export ?? throw new InvalidOperationException("DiscoverAsync first.");
        var rest = new RestRecordFeed(client, options);
        if (export.SinceApplied)
        {
            return new CandidateReader(rest, scope.Mapper, candidates);
        }

        var index = await BulkRecordIndex.BuildAsync(export.Folder, _scan!, candidates, cancellationToken);
        return new CandidateReader(new BulkRecordFeed(index, rest, export.TypesByRest), scope.Mapper, candidates);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_export is { } export)
        {
            await exporter.CompleteAsync(export, cancellationToken);
        }
    }
}
