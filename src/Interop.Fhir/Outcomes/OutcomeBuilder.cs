using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Domain.Results;

namespace Interop.Fhir.Outcomes;

/// <summary>
/// Turns one patient's <see cref="TrialAssessment"/> into outcome Observations and their Provenance
/// (docs/outcomes.md). Pure: no clock, no I/O; the same assessment and
/// <c>issued</c> give the same resources, serialised byte for byte the same.
/// </summary>
/// <param name="studyId">The study id in every outcome identifier.</param>
/// <param name="adapterVersion">The adapter version recorded on the Provenance's Device.</param>
/// <param name="ruleSetFingerprint">
/// The fingerprint of the effective rule options (ADR 0010), recorded in every outcome's <c>method</c> beside the rule-set
/// version; null leaves only the version.
/// </param>
public sealed class OutcomeBuilder(string studyId, string adapterVersion, string? ruleSetFingerprint = null)
{
    private readonly string _studyId = Required(studyId, nameof(studyId));
    private readonly string _adapterVersion = Required(adapterVersion, nameof(adapterVersion));

    /// <summary>The outcomes that apply, in <see cref="OutcomeCodes.All"/> order, then one Provenance targeting them.</summary>
    /// <param name="assessment">The rules' results for one patient.</param>
    /// <param name="issued">When they were evaluated: Observation.issued and Provenance.recorded.</param>
    public PatientOutcomes Build(TrialAssessment assessment, DateTimeOffset issued)
    {
        ArgumentNullException.ThrowIfNull(assessment);

        var scaffold = new ObservationScaffold(_studyId, assessment.PatientId, issued, assessment.Eligibility.RuleSetVersion, ruleSetFingerprint);
        var observations = new List<Observation>(OutcomeCodes.All.Count)
        {
            EligibilityObservation.Create(scaffold, assessment.Eligibility, assessment.AsOf),
        };

        if (assessment.RiskGroup.Group is { } group)
        {
            var diagnosisDate = assessment.RiskGroup.DiagnosisDate ?? assessment.DiagnosisDate;
            observations.Add(TreatmentObservations.RiskGroup(scaffold, assessment.RiskGroup, group, diagnosisDate));
        }

        if (assessment.Eligibility.Verdict == EligibilityVerdict.Eligible || assessment.Course.Started)
        {
            observations.Add(TreatmentObservations.Course(scaffold, assessment.Course));
        }

        if (assessment.MrdAfterBlinatumomab is { } mrd)
        {
            observations.Add(TreatmentObservations.Mrd(scaffold, mrd));
        }

        if (assessment.PrimaryEndpoint is { } primary)
        {
            observations.Add(EndpointObservations.PrimaryEndpoint(scaffold, primary, assessment.AsOf));
        }

        if (assessment.Dfs is { } dfs)
        {
            observations.Add(EndpointObservations.Dfs(scaffold, dfs));
        }

        if (assessment.Os is { } os)
        {
            observations.Add(EndpointObservations.Os(scaffold, os));
        }

        var provenance = ProvenanceFactory.Create(
            _studyId, assessment.PatientId, _adapterVersion, observations, AllEvidence(assessment), issued);
        return new PatientOutcomes(assessment.PatientId, observations, provenance);
    }

    private static List<EvidenceRef> AllEvidence(TrialAssessment assessment)
    {
        var evidence = new List<EvidenceRef>();
        foreach (var criterion in assessment.Eligibility.Criteria)
        {
            evidence.AddRange(criterion.Evidence);
        }

        evidence.AddRange(assessment.RiskGroup.Evidence);
        evidence.AddRange(assessment.Course.Evidence);
        AddIfAny(evidence, assessment.MrdAfterBlinatumomab?.Evidence);
        AddIfAny(evidence, assessment.PrimaryEndpoint?.Evidence);
        AddIfAny(evidence, assessment.Dfs?.Evidence);
        AddIfAny(evidence, assessment.Os?.Evidence);
        return evidence;
    }

    private static void AddIfAny(List<EvidenceRef> evidence, IReadOnlyList<EvidenceRef>? more)
    {
        if (more is not null)
        {
            evidence.AddRange(more);
        }
    }

    private static string Required(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value;
    }
}
