using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace Interop.Worker.Check;

/// <summary>
/// What a sync needs from the server, read from its CapabilityStatement: FHIR 4.0.x, the searches of
/// candidate discovery and incremental pulls, transaction, conditional update of Observation by
/// identifier, and Provenance create. Pure: one statement in, report lines out.
/// </summary>
internal static class CapabilityChecks
{
    /// <summary>Search parameters each read resource type must support; an array of alternatives means any one of them.</summary>
    private static readonly (string Type, string[][] Parameters)[] RequiredSearches =
    [
        ("Patient", [["_lastUpdated"]]),
        ("Condition", [["_lastUpdated"], ["code"], ["subject", "patient"]]),
        ("Observation", [["_lastUpdated"], ["code"], ["subject", "patient"]]),
        ("MedicationAdministration", [["_lastUpdated"], ["code"], ["subject", "patient"]]),
    ];

    public static IReadOnlyList<CheckLine> Evaluate(CapabilityStatement capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        var lines = new List<CheckLine> { FhirVersion(capabilities) };
        var rest = capabilities.Rest.FirstOrDefault(r => r.Mode == CapabilityStatement.RestfulCapabilityMode.Server);
        if (rest is null)
        {
            lines.Add(new(CheckStatus.Fail, CheckNames.Search, "the CapabilityStatement has no rest entry with mode 'server': this is not a FHIR REST server endpoint; use the EHR's FHIR R4 base URL"));
            return lines;
        }

        lines.AddRange(RequiredSearches.Select(required => Search(rest, required.Type, required.Parameters)));
        lines.Add(Transaction(rest));
        lines.Add(ConditionalUpdate(rest));
        lines.Add(ProvenanceCreate(rest));
        return lines;
    }

    /// <summary>
    /// ResearchSubject write-back (issue 5): PASS when the server takes it or it is not wanted; WARN when
    /// <c>Ehrs:&lt;name&gt;:WriteResearchSubject</c> is on and the server lacks conditional update or delete on it.
    /// </summary>
    public static CheckLine ResearchSubject(CapabilityStatement capabilities, bool enabled, string ehrName)
    {
        var supported = Sync.Live.EhrCapabilities.SupportsResearchSubject(capabilities);
        var setting = $"Ehrs:{ehrName}:WriteResearchSubject";
        return (supported, enabled) switch
        {
            (true, true) => new(CheckStatus.Pass, CheckNames.ResearchSubject, "conditional update and delete on ResearchSubject: each patient's ResearchSubject is written with the outcomes"),
            (true, false) => new(CheckStatus.Pass, CheckNames.ResearchSubject, $"the server takes ResearchSubject; it is not written because {setting} is off"),
            (false, true) => new(CheckStatus.Warn, CheckNames.ResearchSubject, $"{setting} is on but the server lacks conditional update or conditional delete on ResearchSubject: only outcomes and Provenance will be written"),
            (false, false) => new(CheckStatus.Pass, CheckNames.ResearchSubject, $"not written ({setting} is off)"),
        };
    }

    private static CheckLine FhirVersion(CapabilityStatement capabilities)
    {
        var version = capabilities.FhirVersion is { } v ? EnumUtility.GetLiteral(v) : null;
        return version switch
        {
            null => new(CheckStatus.Fail, CheckNames.FhirVersion, "the CapabilityStatement states no fhirVersion; the adapter needs FHIR R4 (4.0.x): ask the vendor which endpoint serves R4"),
            _ when version.StartsWith("4.0.", StringComparison.Ordinal) => new(CheckStatus.Pass, CheckNames.FhirVersion, $"FHIR {version}"),
            _ => new(CheckStatus.Fail, CheckNames.FhirVersion, $"the server speaks FHIR {version}; the adapter needs R4 (4.0.x): use the EHR's R4 endpoint"),
        };
    }

    private static CheckLine Search(CapabilityStatement.RestComponent rest, string type, string[][] required)
    {
        var name = $"{CheckNames.Search} {type}";
        var resource = Resource(rest, type);
        if (resource is null)
        {
            return new(CheckStatus.Fail, name, $"{type} is not in the CapabilityStatement; the sync reads it: ask the EHR vendor to expose {type} on this endpoint");
        }

        if (!Has(resource, CapabilityStatement.TypeRestfulInteraction.SearchType))
        {
            return new(CheckStatus.Fail, name, $"{type} search (search-type) is not supported; the sync searches it: enable it for the adapter's client");
        }

        var stated = resource.SearchParam.Select(p => p.Name).Concat(rest.SearchParam.Select(p => p.Name))
            .Where(n => n is not null).ToHashSet(StringComparer.Ordinal);
        var missing = required.Where(alternatives => !alternatives.Any(stated.Contains)).Select(a => string.Join(" or ", a)).ToList();
        var found = required.Select(alternatives => alternatives.FirstOrDefault(stated.Contains)).OfType<string>();
        return missing.Count == 0
            ? new(CheckStatus.Pass, name, string.Join(", ", found))
            : new(CheckStatus.Fail, name, $"{type} lacks search parameter(s) {string.Join(", ", missing)}; the sync finds candidates by code and pulls changes by _lastUpdated per patient: ask the EHR vendor to enable them");
    }

    private static CheckLine Transaction(CapabilityStatement.RestComponent rest) =>
        rest.Interaction.Any(i => i.Code == CapabilityStatement.SystemRestfulInteraction.Transaction)
            ? new(CheckStatus.Pass, CheckNames.Transaction, "transaction supported")
            : new(CheckStatus.Fail, CheckNames.Transaction, "the server states no 'transaction' interaction; the write-back posts one transaction per patient: ask the EHR vendor to enable FHIR transactions for the adapter");

    private static CheckLine ConditionalUpdate(CapabilityStatement.RestComponent rest)
    {
        var observation = Resource(rest, "Observation");
        if (observation is null || !Has(observation, CapabilityStatement.TypeRestfulInteraction.Update) || observation.ConditionalUpdate != true)
        {
            return new(CheckStatus.Fail, CheckNames.ConditionalUpdate, "Observation conditional update is not stated (update with conditionalUpdate true); outcomes are written as PUT Observation?identifier=...: ask the EHR vendor to enable it");
        }

        return observation.SearchParam.Any(p => p.Name == "identifier")
            ? new(CheckStatus.Pass, CheckNames.ConditionalUpdate, "Observation conditional update by identifier")
            : new(CheckStatus.Fail, CheckNames.ConditionalUpdate, "Observation has no 'identifier' search parameter, which the conditional update by outcome identifier needs: ask the EHR vendor to enable it");
    }

    private static CheckLine ProvenanceCreate(CapabilityStatement.RestComponent rest)
    {
        var provenance = Resource(rest, "Provenance");
        return provenance is not null && Has(provenance, CapabilityStatement.TypeRestfulInteraction.Create)
            ? new(CheckStatus.Pass, CheckNames.ProvenanceCreate, "Provenance create supported")
            : new(CheckStatus.Fail, CheckNames.ProvenanceCreate, "Provenance create is not stated; every write-back records one Provenance: ask the EHR vendor to enable it");
    }

    private static CapabilityStatement.ResourceComponent? Resource(CapabilityStatement.RestComponent rest, string type) =>
        rest.Resource.FirstOrDefault(r => string.Equals(r.Type, type, StringComparison.Ordinal));

    private static bool Has(CapabilityStatement.ResourceComponent resource, CapabilityStatement.TypeRestfulInteraction interaction) =>
        resource.Interaction.Any(i => i.Code == interaction);
}
