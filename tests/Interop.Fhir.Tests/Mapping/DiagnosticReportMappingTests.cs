using Hl7.Fhir.Model;
using Interop.Fhir.Mapping;
using Interop.Testing;
using static Interop.Fhir.Tests.Mapping.MappingFixture;

namespace Interop.Fhir.Tests.Mapping;

/// <summary>An MRD or marrow report whose result exists only as text: a warning for the patient, never silence.</summary>
public class DiagnosticReportMappingTests
{
    [Fact]
    public void Map_MrdReportConclusionOnly_NotedWithElementsNotText()
    {
        var noted = MapAs<NotedResource>(FhirSamples.Load("Mapping/diagnosticreport-mrd-conclusion-only.json"));

        Assert.Equal("pat-1", noted.PatientId);
        Assert.Equal(DiagnosticReportMapper.ResultInTextOnlyRule, noted.Warning.Rule);
        Assert.Contains("conclusion, presentedForm", noted.Warning.Detail, StringComparison.Ordinal);
        Assert.Contains("mrd-pcr", noted.Warning.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("1E-4", noted.Warning.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_MrdReportWithResultObservation_Irrelevant()
    {
        var report = FhirSamples.Load<DiagnosticReport>("Mapping/diagnosticreport-mrd-conclusion-only.json");
        report.Result.Add(new ResourceReference("Observation/obs-mrd-1"));

        Assert.IsType<IrrelevantResource>(Map(report));
    }

    [Fact]
    public void Map_ReportOfOtherCode_Irrelevant()
    {
        var report = FhirSamples.Load<DiagnosticReport>("Mapping/diagnosticreport-mrd-conclusion-only.json");
        report.Code = new CodeableConcept(Loinc, "58410-2");

        Assert.IsType<IrrelevantResource>(Map(report));
    }

    [Fact]
    public void Map_ReportEnteredInError_Dropped()
    {
        var report = FhirSamples.Load<DiagnosticReport>("Mapping/diagnosticreport-mrd-conclusion-only.json");
        report.Status = DiagnosticReport.DiagnosticReportStatus.EnteredInError;

        Assert.IsType<DroppedResource>(Map(report));
    }

    [Fact]
    public void Map_MarrowReportNoSubject_QuarantinedUnattributed()
    {
        var report = FhirSamples.Load<DiagnosticReport>("Mapping/diagnosticreport-mrd-conclusion-only.json");
        report.Code = new CodeableConcept(LocalLab, "BMBLAST");
        report.Subject = null;

        Assert.Null(MapAs<QuarantinedResource>(report).PatientId);
    }
}
