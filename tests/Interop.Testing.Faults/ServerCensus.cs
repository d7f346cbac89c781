using System.Text.Json;
using Hl7.Fhir.Model;
using Canonical = Interop.Fhir.Canonical;
using Interop.Fhir.Outcomes;
using Interop.Fhir.Serialization;
using Interop.Store;

namespace Interop.Testing.Faults;

/// <summary>One outcome Observation on the server: id, version number, content hash and status.</summary>
public sealed record CensusOutcome(string Identifier, string Id, int Version, string ContentHash, string? Status);

/// <summary>
/// What the server holds, counted directly (not through the proxy): outcome Observations by identifier, their versions,
/// Provenances and their keys; and the ledger set against it.
/// </summary>
/// <param name="LedgerMismatches">Outcome resources the ledger does not record at their id and version (or records with another
/// content), plus ledger rows pointing at a resource the server does not hold.</param>
public sealed record ServerCensus(
    IReadOnlyDictionary<string, IReadOnlyList<CensusOutcome>> Outcomes, int Provenances, int ProvenanceKeys, int LedgerMismatches)
{
    /// <summary>Counts the server behind <paramref name="server"/> (a client on the FHIR base) and the ledger of <paramref name="ehr"/>.</summary>
    public static async Task<ServerCensus> TakeAsync(HttpClient server, string storeConnectionString, string ehr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var outcomes = new List<CensusOutcome>();
        await foreach (var resource in SearchAsync(server, $"Observation?identifier={Uri.EscapeDataString(Canonical.OutcomeIdentifierSystem + "|")}&_count=1000", cancellationToken))
        {
            if (resource is Observation o && o.Identifier.FirstOrDefault(i => i.System == Canonical.OutcomeIdentifierSystem)?.Value is { } identifier)
            {
                outcomes.Add(new CensusOutcome(identifier, o.Id!, int.Parse(o.Meta!.VersionId!, System.Globalization.CultureInfo.InvariantCulture),
                    OutcomeContentHash.Of(o), o.Status?.ToString()));
            }
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var provenances = 0;
        await foreach (var resource in SearchAsync(server, "Provenance?_count=1000", cancellationToken))
        {
            provenances++;
            if (resource.Meta?.Tag.FirstOrDefault(t => t.System == Canonical.ProvenanceKeySystem)?.Code is { } key)
            {
                keys.Add(key);
            }
        }

        var byIdentifier = outcomes.GroupBy(o => o.Identifier, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CensusOutcome>)[.. g], StringComparer.Ordinal);
        var store = StateStore.Create(new StoreOptions { ConnectionString = storeConnectionString });
        var ledger = (await store.ListLedgerAsync(ehr, cancellationToken)).Where(e => e.OutcomeCode != "research-subject").ToList();
        return new ServerCensus(byIdentifier, provenances, keys.Count, CountLedgerMismatches(byIdentifier, ledger));
    }

    private static int CountLedgerMismatches(Dictionary<string, IReadOnlyList<CensusOutcome>> server, List<LedgerEntry> ledger)
    {
        var byId = ledger.ToDictionary(e => e.OutcomeIdentifier, StringComparer.Ordinal);
        var mismatches = 0;
        foreach (var (identifier, resources) in server)
        {
            var entry = byId.GetValueOrDefault(identifier);
            var only = resources.Count == 1 ? resources[0] : null;
            var matches = entry is not null && only is not null && entry.ServerResourceId == only.Id
                && entry.ServerVersionId == only.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && (entry.EditedOutsideAt is not null || string.Equals(entry.ContentHash, only.ContentHash, StringComparison.OrdinalIgnoreCase));
            mismatches += matches ? 0 : 1;
        }

        mismatches += ledger.Count(e => e.ServerResourceId is not null && !server.ContainsKey(e.OutcomeIdentifier));
        return mismatches;
    }

    private static async IAsyncEnumerable<Resource> SearchAsync(
        HttpClient server, string relative, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? next = new(relative, UriKind.Relative);
        while (next is not null)
        {
            var page = JsonSerializer.Deserialize<Bundle>(await server.GetStringAsync(next, cancellationToken), FhirJson.Options)!;
            foreach (var entry in page.Entry)
            {
                if (entry.Resource is { } resource)
                {
                    yield return resource;
                }
            }

            next = page.Link.FirstOrDefault(l => l.Relation == "next")?.Url is { } url ? new Uri(url) : null;
        }
    }
}

/// <summary>A faulty run's census set against a fault-free reference's, after the same steps.</summary>
/// <param name="Outcomes">Outcome identifiers on the reference server.</param>
/// <param name="Lost">Identifiers the reference holds and the faulty server does not.</param>
/// <param name="Unexpected">Identifiers on the faulty server the reference does not hold.</param>
/// <param name="Duplicated">Identifiers carried by two or more resources on the faulty server.</param>
/// <param name="ContentDiffers">Identifiers whose content or status differ from the reference's.</param>
/// <param name="ExtraVersions">Versions beyond the reference's (one per real content change), summed over outcomes.</param>
/// <param name="ExtraProvenances">Provenances beyond the reference's (negative: missing).</param>
/// <param name="DuplicateProvenanceKeys">Provenances sharing a key with another.</param>
public sealed record CensusComparison(
    int Outcomes, int Provenances, int Lost, int Unexpected, int Duplicated, int ContentDiffers, int ExtraVersions, int ExtraProvenances,
    int DuplicateProvenanceKeys, int LedgerMismatches)
{
    /// <summary>True when nothing was lost, duplicated, changed, versioned or provenanced beyond the reference, and the ledger matches.</summary>
    public bool Clean => Lost == 0 && Unexpected == 0 && Duplicated == 0 && ContentDiffers == 0 && ExtraVersions == 0 && ExtraProvenances == 0
        && DuplicateProvenanceKeys == 0 && LedgerMismatches == 0;

    public static CensusComparison Of(ServerCensus reference, ServerCensus faulty)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(faulty);
        int lost = 0, differs = 0, extraVersions = 0;
        foreach (var (identifier, expected) in reference.Outcomes)
        {
            if (!faulty.Outcomes.TryGetValue(identifier, out var found))
            {
                lost++;
                continue;
            }

            var want = expected[0];
            differs += found.Any(f => f.ContentHash != want.ContentHash || f.Status != want.Status) ? 1 : 0;
            extraVersions += Math.Max(0, found.Max(f => f.Version) - want.Version);
        }

        return new CensusComparison(
            reference.Outcomes.Count,
            reference.Provenances,
            lost,
            faulty.Outcomes.Keys.Count(k => !reference.Outcomes.ContainsKey(k)),
            faulty.Outcomes.Values.Count(v => v.Count > 1),
            differs,
            extraVersions,
            faulty.Provenances - reference.Provenances,
            faulty.Provenances - faulty.ProvenanceKeys,
            faulty.LedgerMismatches);
    }
}
