using Interop.Ehr.Rest;

namespace Interop.Worker.Sync.Live;

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

    /// <summary>The EHR's <c>CapabilityStatement.implementation.url</c>, part of its identity (set by the runner; null when not given).</summary>
    public string? ImplementationUrl { get; init; }
}
