using Hl7.Fhir.Model;
using Interop.Ehr.Bulk;
using Interop.Ehr.DependencyInjection;
using Interop.Worker.Check;

namespace Interop.Worker.Tests.Check;

public sealed class BulkExportCheckTests
{
    private static CapabilityStatement Capabilities(bool patientExport)
    {
        var patient = new CapabilityStatement.ResourceComponent { Type = "Patient" };
        if (patientExport)
        {
            patient.Operation.Add(new() { Name = "export", Definition = BulkServerSupport.OperationDefinitionPrefix + "patient-export" });
        }

        var medication = new CapabilityStatement.ResourceComponent { Type = "MedicationAdministration" };
        medication.Extension.Add(new Extension(BulkServerSupport.NotSupportedExtension, new Canonical("http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data")));
        return new CapabilityStatement { Rest = [new() { Mode = CapabilityStatement.RestfulCapabilityMode.Server, Resource = [patient, medication] }] };
    }

    [Theory]
    [InlineData(EhrReadMode.Rest, true, CheckStatus.Pass, "not used: Ehrs:hospital:Read is Rest")]
    [InlineData(EhrReadMode.Rest, false, CheckStatus.Pass, "no $export declared")]
    [InlineData(EhrReadMode.Bulk, true, CheckStatus.Pass, "the sync exports at Patient level")]
    [InlineData(EhrReadMode.Bulk, false, CheckStatus.Fail, "Ehrs:hospital:Bulk:Level")]
    public void Evaluate_ReadModeAndDeclaredLevel_PassOrFailNamingTheSetting(EhrReadMode read, bool patientExport, CheckStatus expected, string says)
    {
        var options = new EhrConnectionOptions { Read = read };

        var line = BulkExportCheck.Evaluate(Capabilities(patientExport), options, "hospital");

        Assert.Equal((expected, CheckNames.BulkExport), (line.Status, line.Check));
        Assert.Contains(says, line.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TypeMarkedNotSupported_ReportedAsReadByRest()
    {
        var line = BulkExportCheck.Evaluate(Capabilities(true), new EhrConnectionOptions(), "hospital");

        Assert.Contains("$export at Patient level; _since used; _typeFilter not used; not exported, read by REST: MedicationAdministration", line.Detail, StringComparison.Ordinal);
    }
}
