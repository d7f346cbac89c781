using Hl7.Fhir.Model;

namespace Interop.Fhir.Mapping;

/// <summary>
/// DiagnosticReport: read for one thing only. A report coded as a trial-specific result (MRD, marrow blasts, KMT2A, CD19)
/// whose result exists only as text (conclusion, conclusionCode, presentedForm) and not as a result Observation cannot be
/// read, but must not vanish: it is listed as a warning for its patient. A report with result Observations is irrelevant
/// here (the Observations are read themselves).
/// </summary>
internal static class DiagnosticReportMapper
{
    public const string ResultInTextOnlyRule = "report-result-in-text-only";

    public static MappedResource Map(DiagnosticReport report, MappingContext context)
    {
        var kind = context.Map.ResolveAll(report.Code).Select(ObservationKind.Of).FirstOrDefault(k => k is not null && PersonRecords.IsTrialSpecific(k.Kind));
        if (kind is null || report.Result.Count > 0)
        {
            return MappedResource.Irrelevant;
        }

        if (report.Status is DiagnosticReport.DiagnosticReportStatus.EnteredInError or DiagnosticReport.DiagnosticReportStatus.Cancelled)
        {
            return MappedResource.Dropped("DiagnosticReport.status never counts");
        }

        var elements = new List<string>(3);
        if (!string.IsNullOrWhiteSpace(report.Conclusion))
        {
            elements.Add("conclusion");
        }

        if (report.ConclusionCode.Count > 0)
        {
            elements.Add("conclusionCode");
        }

        if (report.PresentedForm.Count > 0)
        {
            elements.Add("presentedForm");
        }

        if (elements.Count == 0)
        {
            return MappedResource.Irrelevant;
        }

        if (FhirReferences.PatientId(report.Subject) is not { } patientId)
        {
            return MappedResource.Quarantine("DiagnosticReport.subject is missing or not a Patient reference");
        }

        return MappedResource.Noted(
            patientId,
            ResultInTextOnlyRule,
            $"DiagnosticReport coded as {kind.ConceptCode} has no result Observation; its {string.Join(", ", elements)} is not read. "
            + "Send the result as an Observation (or map the lab's result code) for it to count");
    }
}
