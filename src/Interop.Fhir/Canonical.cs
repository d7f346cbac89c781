namespace Interop.Fhir;

/// <summary>The project's canonical URLs (docs/outcomes.md: <c>{base}</c> and everything under it).</summary>
public static class Canonical
{
    /// <summary>The project's canonical base.</summary>
    public const string Base = "https://fhir.blinfant-interop.org";

    /// <summary>Outcome codes and values.</summary>
    public const string BlinfantCodeSystem = Base + "/CodeSystem/blinfant";

    /// <summary>Eligibility criterion codes.</summary>
    public const string CriterionCodeSystem = Base + "/CodeSystem/blinfant-criterion";

    /// <summary>Interfant-06 risk groups.</summary>
    public const string RiskGroupCodeSystem = Base + "/CodeSystem/interfant06-risk-group";

    /// <summary>The input concepts site terminology maps target.</summary>
    public const string InputCodeSystem = Base + "/CodeSystem/blinfant-input";

    /// <summary>
    /// The coding system of an outcome's <c>method</c> coding whose code is the rule-set fingerprint (a hash of the effective
    /// rule options, ADR 0010), beside the rule-set version in <c>method.text</c>. Not a CodeSystem: the codes are hashes.
    /// </summary>
    public const string RuleSetFingerprintSystem = Base + "/sid/rule-set-fingerprint";

    /// <summary>The identifier system of every outcome Observation.</summary>
    public const string OutcomeIdentifierSystem = Base + "/sid/outcome";

    /// <summary>
    /// The <c>meta.tag</c> system of the write-back key of a Provenance (R4 Provenance has no identifier): the tag's code
    /// is deterministic for one patient's write, so the transaction creates it with <c>If-None-Exist: _tag=...</c>.
    /// </summary>
    public const string ProvenanceKeySystem = Base + "/sid/provenance";

    /// <summary>The identifier system of the adapter Device.</summary>
    public const string DeviceIdentifierSystem = Base + "/sid/device";

    /// <summary>A profile's canonical URL.</summary>
    public static string Profile(string name) => $"{Base}/StructureDefinition/{name}";
}
