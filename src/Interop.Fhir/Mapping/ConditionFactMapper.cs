using Hl7.Fhir.Model;
using Interop.Domain.Facts;
using Interop.Fhir.Terminology;

namespace Interop.Fhir.Mapping;

/// <summary>Condition: an ALL diagnosis, its lineage, relapse and dates.</summary>
internal static class ConditionFactMapper
{
    private const string ClinicalStatusSystem = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private const string VerificationStatusSystem = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    public static MappedResource Map(Condition condition, MappingContext context)
    {
        var concepts = context.Map.ResolveAll(condition.Code)
            .Where(c => c is InputConcept.BcpAll or InputConcept.AllUnspecifiedLineage or InputConcept.AllRelapse)
            .ToList();
        if (concepts.Count == 0)
        {
            return MappedResource.Irrelevant;
        }

        if (HasCode(condition.VerificationStatus, VerificationStatusSystem, "entered-in-error", "refuted") is { } retracted)
        {
            return MappedResource.Dropped($"Condition.verificationStatus is {retracted}");
        }

        var patientId = FhirReferences.PatientId(condition.Subject);
        if (patientId is null)
        {
            return MappedResource.Quarantine("Condition.subject is missing or not a Patient reference");
        }

        if (string.IsNullOrEmpty(condition.Id))
        {
            return MappedResource.Quarantine("Condition.id is missing", patientId);
        }

        var kind = concepts.Contains(InputConcept.BcpAll) ? DiagnosisKind.BPrecursorAll : DiagnosisKind.AllUnspecifiedLineage;
        var relapse = concepts.Contains(InputConcept.AllRelapse)
            || HasCode(condition.ClinicalStatus, ClinicalStatusSystem, "relapse", "recurrence") is not null;
        var onset = condition.Onset switch
        {
            FhirDateTime at => FhirDates.FullDate(at.Value),
            Period period => FhirDates.FullDate(period.Start),
            _ => null,
        };

        var diagnosis = new Diagnosis(kind, relapse, onset, FhirDates.FullDate(condition.RecordedDate), MappingContext.Evidence(condition));
        return MappedFacts.Of(patientId, diagnosis);
    }

    // The status value sets are required bindings, so a coding without a system is read as the standard one.
    private static string? HasCode(CodeableConcept? concept, string system, params string[] codes) =>
        concept?.Coding
            .Where(c => c.System is null || c.System == system)
            .Select(c => c.Code)
            .FirstOrDefault(code => code is not null && codes.Contains(code));
}
