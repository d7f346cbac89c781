namespace Interop.Sync;

/// <summary>One sync as asked for on the command line, settings already merged.</summary>
/// <param name="Source">The NDJSON folder.</param>
/// <param name="OutputFolder">Where outcomes and the run report go.</param>
/// <param name="AsOf">The --as-of text (ISO 8601 date or instant); null for now.</param>
/// <param name="SiteMaps">Site ConceptMaps, in order.</param>
/// <param name="DryRun">Evaluate and report, write nothing.</param>
public sealed record SyncRequest(
    string Source,
    string OutputFolder,
    string? AsOf,
    IReadOnlyList<string> SiteMaps,
    bool DryRun);
