using Hl7.Fhir.Model;
using Interop.Ehr.Rest;

namespace Interop.Sync;

/// <summary>One requirement of a sync on the EHR, judged from its CapabilityStatement.</summary>
/// <param name="Check">The go-live check's name (<c>fhir-version</c>, <c>search Patient</c>, <c>transaction</c>...).</param>
/// <param name="Met">True when the statement says the server does it.</param>
/// <param name="Detail">What was found, or what is missing and what to ask the vendor for.</param>
/// <param name="Missing">When not met: the short phrase a refused sync names ("transaction"); null when met.</param>
public sealed record EhrRequirement(string Check, bool Met, string Detail, string? Missing);

/// <summary>
/// The one set of what a sync needs from the EHR (issue 11), used by both <c>check</c> (each line of the go-live report)
/// and <c>sync</c> (which refuses, before any write, a server that misses any of them): a server REST section, FHIR
/// 4.0.x, the searches of candidate discovery and incremental pulls, transaction, conditional update of Observation
/// by identifier, and Provenance create. Pure: one statement in, requirements out.
/// </summary>
public static class EhrRequirements
{
    /// <summary>Check names (the go-live report's <c>check</c> column).</summary>
    public const string FhirVersionCheck = "fhir-version";

    /// <summary>The search checks' name, followed by the resource type.</summary>
    public const string SearchCheck = "search";

    /// <summary>The transaction check's name.</summary>
    public const string TransactionCheck = "transaction";

    /// <summary>The conditional-update check's name.</summary>
    public const string ConditionalUpdateCheck = "conditional-update";

    /// <summary>The Provenance-create check's name.</summary>
    public const string ProvenanceCreateCheck = "provenance-create";

    /// <summary>The <c>conditionalDelete</c> code of a server that does not take conditional deletes.</summary>
    private const string NotSupported = "not-supported";

    /// <summary>Search parameters each read resource type must support; an array of alternatives means any one of them.</summary>
    private static readonly (string Type, string[][] Parameters)[] RequiredSearches =
    [
        ("Patient", [["_lastUpdated"]]),
        ("Condition", [["_lastUpdated"], ["code"], ["subject", "patient"]]),
        ("Observation", [["_lastUpdated"], ["code"], ["subject", "patient"]]),
        ("MedicationAdministration", [["_lastUpdated"], ["code"], ["subject", "patient"]]),
    ];

    /// <summary>Every requirement, in the go-live report's order.</summary>
    public static IReadOnlyList<EhrRequirement> Evaluate(CapabilityStatement capabilities) => Evaluate(ServerCapabilities.Of(capabilities));

    /// <summary>Every requirement, in the go-live report's order.</summary>
    public static IReadOnlyList<EhrRequirement> Evaluate(ServerCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        var requirements = new List<EhrRequirement> { FhirVersion(capabilities) };
        if (capabilities.ServerRest is not { } rest)
        {
            requirements.Add(new(SearchCheck, false,
                "the CapabilityStatement has no rest entry with mode 'server': this is not a FHIR REST server endpoint; use the EHR's FHIR R4 base URL",
                "a server REST section"));
            return requirements;
        }

        requirements.AddRange(RequiredSearches.Select(required => Search(rest, required.Type, required.Parameters)));
        requirements.Add(Transaction(rest));
        requirements.Add(ConditionalUpdate(rest));
        requirements.Add(ProvenanceCreate(rest));
        return requirements;
    }

    /// <summary>The phrases of the requirements not met; empty when the server can take a sync.</summary>
    public static List<string> Missing(CapabilityStatement capabilities) => Missing(ServerCapabilities.Of(capabilities));

    /// <summary>The phrases of the requirements not met; empty when the server can take a sync.</summary>
    public static List<string> Missing(ServerCapabilities capabilities) =>
        [.. Evaluate(capabilities).Where(r => !r.Met).Select(r => r.Missing ?? r.Check)];

    /// <summary>True when the server takes conditional updates (and conditional deletes, to retract) of ResearchSubject.</summary>
    public static bool SupportsResearchSubject(CapabilityStatement capabilities) => SupportsResearchSubject(ServerCapabilities.Of(capabilities));

    /// <summary>True when the server takes conditional updates (and conditional deletes, to retract) of ResearchSubject.</summary>
    public static bool SupportsResearchSubject(ServerCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        var subject = capabilities.ServerRest is { } rest ? Resource(rest, "ResearchSubject") : null;
        return subject is { ConditionalUpdate: true }
            && subject.ConditionalDelete is not null and not NotSupported;
    }

    /// <summary>True when the server states conditional create on Provenance (so each one is created once per key, with <c>If-None-Exist</c>).</summary>
    public static bool SupportsConditionalProvenance(CapabilityStatement capabilities) => SupportsConditionalProvenance(ServerCapabilities.Of(capabilities));

    /// <summary>True when the server states conditional create on Provenance (so each one is created once per key, with <c>If-None-Exist</c>).</summary>
    public static bool SupportsConditionalProvenance(ServerCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        var provenance = capabilities.ServerRest is { } rest ? Resource(rest, "Provenance") : null;
        return provenance?.ConditionalCreate == true;
    }

    private static EhrRequirement FhirVersion(ServerCapabilities capabilities)
    {
        var version = capabilities.FhirVersion;
        return version switch
        {
            null => new(FhirVersionCheck, false, "the CapabilityStatement states no fhirVersion; the adapter needs FHIR R4 (4.0.x): ask the vendor which endpoint serves R4", "FHIR R4 (states no fhirVersion)"),
            _ when version.StartsWith("4.0.", StringComparison.Ordinal) => new(FhirVersionCheck, true, $"FHIR {version}", null),
            _ => new(FhirVersionCheck, false, $"the server speaks FHIR {version}; the adapter needs R4 (4.0.x): use the EHR's R4 endpoint", $"FHIR R4 (it speaks {version})"),
        };
    }

    private static EhrRequirement Search(ServerRestCapabilities rest, string type, string[][] required)
    {
        var name = $"{SearchCheck} {type}";
        var resource = Resource(rest, type);
        if (resource is null)
        {
            return new(name, false, $"{type} is not in the CapabilityStatement; the sync reads it: ask the EHR vendor to expose {type} on this endpoint", $"{type} search");
        }

        if (!resource.Interactions.Contains("search-type"))
        {
            return new(name, false, $"{type} search (search-type) is not supported; the sync searches it: enable it for the adapter's client", $"{type} search");
        }

        var stated = resource.SearchParams.Concat(rest.SearchParams).ToHashSet(StringComparer.Ordinal);
        var missing = required.Where(alternatives => !alternatives.Any(stated.Contains)).Select(a => string.Join(" or ", a)).ToList();
        var found = required.Select(alternatives => alternatives.FirstOrDefault(stated.Contains)).OfType<string>();
        return missing.Count == 0
            ? new(name, true, string.Join(", ", found), null)
            : new(name, false,
                $"{type} lacks search parameter(s) {string.Join(", ", missing)}; the sync finds candidates by code and pulls changes by _lastUpdated per patient: ask the EHR vendor to enable them",
                $"{type} search by {string.Join(", ", missing)}");
    }

    private static EhrRequirement Transaction(ServerRestCapabilities rest) =>
        rest.Interactions.Contains("transaction")
            ? new(TransactionCheck, true, "transaction supported", null)
            : new(TransactionCheck, false, "the server states no 'transaction' interaction; the write-back posts one transaction per patient: ask the EHR vendor to enable FHIR transactions for the adapter", "transaction");

    private static EhrRequirement ConditionalUpdate(ServerRestCapabilities rest)
    {
        const string Missing = "conditional update on Observation";
        var observation = Resource(rest, "Observation");
        if (observation is null || !observation.Interactions.Contains("update") || observation.ConditionalUpdate != true)
        {
            return new(ConditionalUpdateCheck, false, "Observation conditional update is not stated (update with conditionalUpdate true); outcomes are written as PUT Observation?identifier=...: ask the EHR vendor to enable it", Missing);
        }

        return observation.SearchParams.Contains("identifier")
            ? new(ConditionalUpdateCheck, true, "Observation conditional update by identifier", null)
            : new(ConditionalUpdateCheck, false, "Observation has no 'identifier' search parameter, which the conditional update by outcome identifier needs: ask the EHR vendor to enable it", $"{Missing} by identifier");
    }

    private static EhrRequirement ProvenanceCreate(ServerRestCapabilities rest)
    {
        var provenance = Resource(rest, "Provenance");
        return provenance is not null && provenance.Interactions.Contains("create")
            ? new(ProvenanceCreateCheck, true, "Provenance create supported", null)
            : new(ProvenanceCreateCheck, false, "Provenance create is not stated; every write-back records one Provenance: ask the EHR vendor to enable it", "create on Provenance");
    }

    private static ResourceCapabilities? Resource(ServerRestCapabilities rest, string type) => rest.Resources.GetValueOrDefault(type);
}
