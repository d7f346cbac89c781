using Hl7.Fhir.Model;
using Interop.Fhir.Outcomes;
using Interop.Store;
using Interop.Sync.Live;
using Canonical = Interop.Fhir.Canonical;

namespace Interop.Worker.Tests.WriteBack;

/// <summary>Builders of outcome Observations as a server returns them, and of the ledger rows that match them.</summary>
internal static class ServerOutcomes
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    public static string Identifier(string code, string patient = "p1") => $"blinfant/{code}/{patient}";

    /// <summary>An outcome Observation on the server: <paramref name="value"/> is its content.</summary>
    public static Observation Observation(
        string code, string value, string id, string version, ObservationStatus status = ObservationStatus.Final, string patient = "p1") => new()
    {
        Id = id,
        Meta = new Meta { VersionId = version },
        Identifier = [new Identifier(Canonical.OutcomeIdentifierSystem, Identifier(code, patient))],
        Status = status,
        Code = new CodeableConcept(Canonical.BlinfantCodeSystem, code),
        Subject = new ResourceReference("Patient/" + patient),
        Value = new CodeableConcept(Canonical.BlinfantCodeSystem, value),
    };

    public static ServerOutcome Server(Observation observation) => ServerOutcome.From(observation)!;

    public static ILookup<string, ServerOutcome> Lookup(params Observation[] observations) =>
        observations.Select(Server).ToLookup(o => o.Identifier, StringComparer.Ordinal);

    public static string Hash(string code, string value) => OutcomeContentHash.Of(Observation(code, value, "x", "1"));

    /// <summary>The ledger row of an outcome the adapter wrote with <paramref name="value"/> as <c>Observation/{id}/_history/{version}</c>.</summary>
    public static LedgerEntry Ledger(string code, string value, string? id, string? version, OutcomeStatus status = OutcomeStatus.Final, string patient = "p1") =>
        new(Identifier(code, patient), patient, code, Hash(code, value), id, version, status, Now.AddDays(-1));
}
