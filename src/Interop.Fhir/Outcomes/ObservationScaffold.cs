using Hl7.Fhir.Model;
using Interop.Domain.Facts;

namespace Interop.Fhir.Outcomes;

/// <summary>
/// The elements every outcome Observation of one patient shares (docs/outcomes.md), among them <c>method</c>: the rule-set
/// version as text and, when known, the rule-set fingerprint as a coding (ADR 0010).
/// </summary>
internal sealed class ObservationScaffold(string studyId, string patientId, DateTimeOffset issued, string ruleSetVersion, string? ruleSetFingerprint)
{
    private const string TrialAssessmentCategory = "trial-assessment";

    /// <summary>A final Observation for <paramref name="outcomeCode"/>, identified, profiled and derived from the Observation evidence.</summary>
    public Observation Create(string outcomeCode, IEnumerable<EvidenceRef> evidence)
    {
        var identifierValue = OutcomeIdentity.IdentifierValue(studyId, outcomeCode, patientId);
        return new Observation
        {
            Id = OutcomeIdentity.ResourceId(identifierValue),
            Meta = new Meta { Profile = [Canonical.Profile("blinfant-" + outcomeCode)] },
            Identifier = [new Identifier(Canonical.OutcomeIdentifierSystem, identifierValue)],
            Status = ObservationStatus.Final,
            Category = [FhirValues.Blinfant(TrialAssessmentCategory, "Trial assessment")],
            Code = FhirValues.Blinfant(outcomeCode, OutcomeCodes.Display(outcomeCode)),
            Subject = new ResourceReference("Patient/" + patientId),
            Issued = issued,
            DerivedFrom = EvidenceReferences.DerivedFrom(evidence),
            Method = Method(),
        };
    }

    private CodeableConcept Method()
    {
        var method = new CodeableConcept { Text = ruleSetVersion };
        if (ruleSetFingerprint is not null)
        {
            method.Coding.Add(new Coding(Canonical.RuleSetFingerprintSystem, ruleSetFingerprint));
        }

        return method;
    }
}
