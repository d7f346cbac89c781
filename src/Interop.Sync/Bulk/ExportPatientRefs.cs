using Hl7.Fhir.Model;
using Interop.Ehr.Ndjson;
using Interop.Sync.Live;

namespace Interop.Sync.Bulk;

/// <summary>Which patient an exported line belongs to, and whether it is of a type the rules read.</summary>
internal static class ExportPatientRefs
{
    /// <summary>The record types the rules read per patient, besides Patient itself.</summary>
    public static readonly HashSet<string> RecordTypes = new(RestRecordFeed.RecordTypes, StringComparer.Ordinal);

    /// <summary>The patient id of a Patient, Condition, Observation or MedicationAdministration (or of a broken line of one), else null.</summary>
    public static string? PatientOf(SourceItem item) => item.Resource switch
    {
        Patient patient => patient.Id,
        Condition condition => PatientReferences.IdOf(condition.Subject),
        Observation observation => PatientReferences.IdOf(observation.Subject),
        MedicationAdministration administration => PatientReferences.IdOf(administration.Subject),
        null when item.Failure is { ResourceType: { } type } failure && (type == "Patient" || RecordTypes.Contains(type)) => failure.PatientId ?? (type == "Patient" ? failure.ResourceId : null),
        _ => null,
    };
}
