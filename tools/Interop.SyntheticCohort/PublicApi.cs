namespace Interop.SyntheticCohort;

/// <summary>What to generate. Named scenario patients are always included; the rest is filler for volume.</summary>
/// <param name="Seed">Seed of the jitter (times of day, lab values within a scenario's class, noise).</param>
/// <param name="ExtraCandidates">Additional eligible patients with a completed course and varied values (ids e0001...).</param>
/// <param name="NonCandidatePatients">Infants with only irrelevant resources (ids n0001...).</param>
/// <param name="NoiseResourcesPerPatient">Irrelevant resources (heart rate, paracetamol, pneumonia) added to every patient.</param>
public sealed record CohortSpec(int Seed = 2023, int ExtraCandidates = 0, int NonCandidatePatients = 10, int NoiseResourcesPerPatient = 5)
{
    /// <summary>Returns one message per invalid value; empty when the spec is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ExtraCandidates is < 0 or > 999_999)
        {
            errors.Add("ExtraCandidates must be between 0 and 999999");
        }

        if (NonCandidatePatients is < 0 or > 999_999)
        {
            errors.Add("NonCandidatePatients must be between 0 and 999999");
        }

        if (NoiseResourcesPerPatient is < 0 or > 1000)
        {
            errors.Add("NoiseResourcesPerPatient must be between 0 and 1000");
        }

        return errors;
    }
}

/// <summary>
/// The intent of one scenario patient, reasoned from the trial rules (docs/trial-rules.md) and valid for any
/// as-of from 2025-06-01 on. Values use the outcome codes of the FHIR contract.
/// </summary>
/// <param name="PatientId">The surviving Patient's logical id.</param>
/// <param name="Scenario">A short scenario name.</param>
/// <param name="Verdict"><c>eligible</c>, <c>ineligible</c> or <c>undetermined</c>.</param>
/// <param name="NotMet">The not-met criterion ids (empty unless ineligible).</param>
/// <param name="RiskGroup"><c>LR</c>, <c>MR</c>, <c>HR</c>, or null when unknown.</param>
/// <param name="CourseState"><c>not-started</c>, <c>in-progress</c>, <c>completed</c>, <c>discontinued-toxicity</c> or <c>discontinued-other</c>.</param>
/// <param name="MrdClass">MRD after blinatumomab: <c>negative</c>, <c>low-positive</c>, <c>high-positive</c>, or null when no result.</param>
/// <param name="PrimaryEndpoint">The primary (safety) endpoint; null when the course never started.</param>
/// <param name="DfsStatus"><c>event-free</c>, <c>relapse</c> or <c>death</c>; null when the course never started.</param>
/// <param name="RelapseSite"><c>bone-marrow</c>, <c>cns</c> or <c>combined</c> for a relapse whose site the data show.</param>
/// <param name="OsStatus"><c>alive</c> or <c>deceased</c>; null when the course never started.</param>
public sealed record ExpectedPatient(
    string PatientId,
    string Scenario,
    string Verdict,
    IReadOnlyList<string> NotMet,
    string? RiskGroup,
    string CourseState,
    string? MrdClass,
    bool? PrimaryEndpoint,
    string? DfsStatus,
    string? RelapseSite,
    string? OsStatus);

/// <summary>What an export wrote.</summary>
/// <param name="Folder">The export folder.</param>
/// <param name="CountsByType">Resources written per resource type (one NDJSON file each), in ordinal order of the type name.</param>
public sealed record ExportSummary(string Folder, IReadOnlyDictionary<string, long> CountsByType)
{
    /// <summary>All resources written.</summary>
    public long Total => CountsByType.Values.Sum();
}
