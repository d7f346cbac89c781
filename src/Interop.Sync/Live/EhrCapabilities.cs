using Interop.Ehr.Rest;

namespace Interop.Sync.Live;

/// <summary>
/// What a writing sync needs from the EHR's CapabilityStatement: the same requirements as the go-live check
/// (<see cref="EhrRequirements"/>, issue 11), phrased for the refusal.
/// </summary>
internal static class EhrCapabilities
{
    /// <summary>One phrase per missing capability; empty when the server can take the adapter's sync.</summary>
    public static List<string> MissingForWriteBack(ServerCapabilities capabilities) => EhrRequirements.Missing(capabilities);

    /// <summary>True when the server takes conditional updates (and conditional deletes, to retract) of ResearchSubject.</summary>
    public static bool SupportsResearchSubject(ServerCapabilities capabilities) => EhrRequirements.SupportsResearchSubject(capabilities);

    /// <summary>True when the server states conditional create on Provenance (so each one is created once per key, with <c>If-None-Exist</c>).</summary>
    public static bool SupportsConditionalProvenance(ServerCapabilities capabilities) => EhrRequirements.SupportsConditionalProvenance(capabilities);

    /// <summary>The refusal's message: "the server does not support transaction, conditional update on Observation".</summary>
    public static string Describe(IReadOnlyList<string> missing) =>
        $"The EHR cannot take the adapter's write-back, nothing was written: the server does not support {string.Join(", ", missing)} (per its CapabilityStatement).";
}
