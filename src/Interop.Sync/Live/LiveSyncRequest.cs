using Interop.Ehr.Bulk;
using Interop.Ehr.DependencyInjection;
using Interop.Ehr.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interop.Sync.Live;

/// <summary>One live sync against a FHIR R4 EHR.</summary>
/// <param name="EhrName">The EHR's configured name: the key of its watermark, ledger, retry queue and lease.</param>
/// <param name="Client">The EHR's FHIR client.</param>
/// <param name="SiteMaps">Site ConceptMaps over the shipped terminology defaults.</param>
/// <param name="DryRun">Shadow mode: read and evaluate, report what would change, write nothing (no store changes but the run history).</param>
public sealed record LiveSyncRequest(string EhrName, FhirClient Client, IReadOnlyList<string> SiteMaps, bool DryRun)
{
    /// <summary>Write each patient's ResearchSubject too (set by the runner from configuration and the EHR's capabilities).</summary>
    public bool WriteResearchSubject { get; init; }

    /// <summary>Create each Provenance with <c>If-None-Exist</c> on its key (set by the runner from the EHR's capabilities).</summary>
    public bool ConditionalProvenance { get; init; }

    /// <summary>
    /// When set, the EHR is read through this Bulk Data exporter (<c>Ehrs:&lt;name&gt;:Read: Bulk</c>), its files staged under
    /// <see cref="BulkStagingFolder"/>; when null, by REST searches.
    /// </summary>
    public BulkExporter? Bulk { get; init; }

    /// <summary>Where a Bulk export's files are staged (<c>Ehrs:&lt;name&gt;:Bulk:StagingFolder</c>).</summary>
    public string BulkStagingFolder { get; init; } = "bulk-staging";

    /// <summary>The EHR's <c>CapabilityStatement.implementation.url</c>, part of its identity (set by the runner; null when not given).</summary>
    public string? ImplementationUrl { get; init; }
}

/// <summary>Builds a <see cref="LiveSyncRequest"/> for a configured (or ad-hoc) EHR from the host's services.</summary>
internal static class LiveSyncRequests
{
    /// <summary>The EHR's client, and its Bulk exporter when <c>Ehrs:&lt;name&gt;:Read</c> is Bulk.</summary>
    public static LiveSyncRequest For(IServiceProvider services, string ehrName, IReadOnlyList<string> siteMaps, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(services);
        var connection = services.GetRequiredService<IOptionsMonitor<EhrConnectionOptions>>().Get(ehrName);
        var request = new LiveSyncRequest(ehrName, services.GetRequiredKeyedService<FhirClient>(ehrName), siteMaps, dryRun);
        return connection.Read == EhrReadMode.Bulk
            ? request with { Bulk = services.GetRequiredKeyedService<BulkExporter>(ehrName), BulkStagingFolder = connection.Bulk.StagingFolder }
            : request;
    }
}
