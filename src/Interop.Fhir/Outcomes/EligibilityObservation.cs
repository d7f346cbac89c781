using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Domain.Results;

namespace Interop.Fhir.Outcomes;

/// <summary>The <c>eligibility</c> outcome: the verdict, and one component per criterion with its own evidence.</summary>
internal static class EligibilityObservation
{
    /// <summary>Carries a criterion's evidence on its component, of any resource type (ADR 0002).</summary>
    public const string CriterionEvidenceUrl = Canonical.Base + "/StructureDefinition/criterion-evidence";

    public static Observation Create(ObservationScaffold scaffold, EligibilityResult eligibility, AsOf asOf)
    {
        var evidence = new List<EvidenceRef>();
        foreach (var criterion in eligibility.Criteria)
        {
            evidence.AddRange(criterion.Evidence);
        }

        var observation = scaffold.Create(OutcomeCodes.Eligibility, evidence);
        observation.Effective = FhirValues.Date(asOf.Date);
        observation.Value = FhirValues.Blinfant(OutcomeValueCodes.Of(eligibility.Verdict));

        foreach (var criterionId in CriterionIds.All)
        {
            observation.Component.Add(Component(criterionId, Find(eligibility.Criteria, criterionId)));
        }

        return observation;
    }

    private static Observation.ComponentComponent Component(string criterionId, CriterionResult? criterion)
    {
        // The rules always return every criterion; a missing one is reported as what it is: unknown.
        var status = criterion?.Status ?? CriterionStatus.Unknown;
        var component = new Observation.ComponentComponent
        {
            Code = FhirValues.Concept(Canonical.CriterionCodeSystem, criterionId),
            Value = FhirValues.Blinfant(OutcomeValueCodes.Of(status)),
        };

        if (criterion is not null)
        {
            foreach (var reference in EvidenceReferences.All(criterion.Evidence))
            {
                component.Extension.Add(new Extension(CriterionEvidenceUrl, reference));
            }
        }

        return component;
    }

    private static CriterionResult? Find(IReadOnlyList<CriterionResult> criteria, string criterionId)
    {
        foreach (var criterion in criteria)
        {
            if (string.Equals(criterion.CriterionId, criterionId, StringComparison.Ordinal))
            {
                return criterion;
            }
        }

        return null;
    }
}
