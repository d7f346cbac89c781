using System.Globalization;
using Hl7.Fhir.Model;
using Interop.Ehr.Rest;
using Interop.Fhir.Outcomes;
using Interop.Store;
using Canonical = Interop.Fhir.Canonical;

namespace Interop.Sync.Live;

/// <summary>
/// An outcome Observation as the server holds it: its identifier value, server id and version, and its content hash and
/// status as the ledger would record them (<see cref="Status"/> null for a status the adapter never writes).
/// </summary>
internal sealed record ServerOutcome(
    string Identifier, string? PatientId, string ResourceId, string? VersionId, string ContentHash, OutcomeStatus? Status, Observation Resource)
{
    public string Reference => "Observation/" + ResourceId;

    /// <summary>True when the server holds exactly this content and status.</summary>
    public bool Holds(string contentHash, OutcomeStatus status) =>
        Status == status && string.Equals(ContentHash, contentHash, StringComparison.OrdinalIgnoreCase);

    /// <summary>The outcome read from a search result, or null when it carries no outcome identifier or no id.</summary>
    public static ServerOutcome? From(Observation observation)
    {
        var identifier = observation.Identifier.FirstOrDefault(i => string.Equals(i.System, Canonical.OutcomeIdentifierSystem, StringComparison.Ordinal))?.Value;
        if (string.IsNullOrEmpty(identifier) || string.IsNullOrEmpty(observation.Id))
        {
            return null;
        }

        OutcomeStatus? status = observation.Status switch
        {
            ObservationStatus.Final => OutcomeStatus.Final,
            ObservationStatus.Amended => OutcomeStatus.Amended,
            ObservationStatus.EnteredInError => OutcomeStatus.EnteredInError,
            _ => null,
        };
        return new ServerOutcome(
            identifier, PatientReferences.IdOf(observation.Subject), observation.Id, observation.Meta?.VersionId,
            OutcomeContentHash.Of(observation), status, observation);
    }
}

/// <summary>
/// Reads the adapter's outcome Observations from the EHR: searches on the outcome identifier system. A resource that is not
/// valid FHIR is set aside, its patient remembered in <see cref="UnreadablePatients"/>, and the rest is read.
/// </summary>
internal sealed class ServerOutcomeReader(FhirClient client, WriteBackOptions options)
{
    private static readonly KeyValuePair<string, string> OurSystem = new("identifier", Canonical.OutcomeIdentifierSystem + "|");

    /// <summary>Patients one of whose outcomes on the server could not be read (the id when the resource named it).</summary>
    public HashSet<string> UnreadablePatients { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A patient's outcomes on the server (one search), by identifier value; two or more under one value are a duplicate.
    /// One that cannot be read makes the patient's state unknowable: <see cref="FhirProtocolException"/> (the patient fails and is retried).
    /// </summary>
    public async Task<ILookup<string, ServerOutcome>> ReadPatientAsync(string patientId, CancellationToken cancellationToken)
    {
        var found = new List<ServerOutcome>();
        var unreadable = false;
        await foreach (var outcome in SearchAsync([new("subject", "Patient/" + patientId), OurSystem], () => unreadable = true, cancellationToken))
        {
            found.Add(outcome);
        }

        return unreadable
            ? throw new FhirProtocolException("GET", "Observation search", "An outcome Observation of the patient on the server is not valid FHIR; its state cannot be reconciled.", null)
            : found.ToLookup(o => o.Identifier, StringComparer.Ordinal);
    }

    /// <summary>Every outcome on the server, or (with <paramref name="changedAfter"/>) those changed after that instant.</summary>
    public IAsyncEnumerable<ServerOutcome> ReadAllAsync(DateTimeOffset? changedAfter, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> parameters = [OurSystem];
        if (changedAfter is { } instant)
        {
            parameters.Add(new("_lastUpdated", "gt" + instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
        }

        return SearchAsync(parameters, null, cancellationToken);
    }

    /// <summary>How many outcome Observations the server holds (one <c>_summary=count</c> search).</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken) => client.CountAsync("Observation", [OurSystem], cancellationToken);

    private async IAsyncEnumerable<ServerOutcome> SearchAsync(
        List<KeyValuePair<string, string>> parameters, Action? unreadable, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        parameters.Add(new("_count", options.ScanPageSize.ToString(CultureInfo.InvariantCulture)));
        await foreach (var item in client.SearchItemsAsync("Observation", parameters, cancellationToken))
        {
            if (item.Resource is Observation observation && ServerOutcome.From(observation) is { } outcome)
            {
                yield return outcome;
            }
            else if (item.Failure is { } failure)
            {
                unreadable?.Invoke();
                if (failure.PatientId is { Length: > 0 } patientId)
                {
                    UnreadablePatients.Add(patientId);
                }
            }
        }
    }
}
