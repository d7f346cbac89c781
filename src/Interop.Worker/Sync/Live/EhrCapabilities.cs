using Hl7.Fhir.Model;

namespace Interop.Worker.Sync.Live;

/// <summary>What write-back needs from the EHR's CapabilityStatement (docs/outcomes.md, "How it is written").</summary>
internal static class EhrCapabilities
{
    /// <summary>One phrase per missing capability; empty when the server can take the adapter's transactions.</summary>
    public static List<string> MissingForWriteBack(CapabilityStatement capabilities)
    {
        var missing = new List<string>();
        var server = capabilities.Rest.FirstOrDefault(r => r.Mode == CapabilityStatement.RestfulCapabilityMode.Server)
            ?? capabilities.Rest.FirstOrDefault();
        if (server is null)
        {
            missing.Add("a server REST section");
            return missing;
        }

        if (!server.Interaction.Any(i => i.Code == CapabilityStatement.SystemRestfulInteraction.Transaction))
        {
            missing.Add("transaction");
        }

        var observation = server.Resource.FirstOrDefault(r => string.Equals(r.Type, "Observation", StringComparison.Ordinal));
        if (observation?.ConditionalUpdate != true)
        {
            missing.Add("conditional update on Observation");
        }

        var provenance = server.Resource.FirstOrDefault(r => string.Equals(r.Type, "Provenance", StringComparison.Ordinal));
        if (provenance is null || !provenance.Interaction.Any(i => i.Code == CapabilityStatement.TypeRestfulInteraction.Create))
        {
            missing.Add("create on Provenance");
        }

        return missing;
    }

    /// <summary>True when the server takes conditional updates (and conditional deletes, to retract) of ResearchSubject.</summary>
    public static bool SupportsResearchSubject(CapabilityStatement capabilities)
    {
        var server = capabilities.Rest.FirstOrDefault(r => r.Mode == CapabilityStatement.RestfulCapabilityMode.Server)
            ?? capabilities.Rest.FirstOrDefault();
        var subject = server?.Resource.FirstOrDefault(r => string.Equals(r.Type, "ResearchSubject", StringComparison.Ordinal));
        return subject is { ConditionalUpdate: true }
            && subject.ConditionalDelete is not null and not CapabilityStatement.ConditionalDeleteStatus.NotSupported;
    }

    /// <summary>True when the server states conditional create on Provenance (so each one is created once per key, with <c>If-None-Exist</c>).</summary>
    public static bool SupportsConditionalProvenance(CapabilityStatement capabilities)
    {
        var server = capabilities.Rest.FirstOrDefault(r => r.Mode == CapabilityStatement.RestfulCapabilityMode.Server)
            ?? capabilities.Rest.FirstOrDefault();
        var provenance = server?.Resource.FirstOrDefault(r => string.Equals(r.Type, "Provenance", StringComparison.Ordinal));
        return provenance?.ConditionalCreate == true;
    }

    /// <summary>The refusal's message: "the server does not support transaction, conditional update on Observation".</summary>
    public static string Describe(IReadOnlyList<string> missing) =>
        $"The EHR cannot take the adapter's write-back, nothing was written: the server does not support {string.Join(", ", missing)} (per its CapabilityStatement).";
}
