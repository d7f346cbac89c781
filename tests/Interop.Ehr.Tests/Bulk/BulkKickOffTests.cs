using Hl7.Fhir.Model;
using Interop.Ehr.Bulk;
using Interop.Ehr.DependencyInjection;
using Interop.Ehr.Tests.Rest;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Task = System.Threading.Tasks.Task;

namespace Interop.Ehr.Tests.Bulk;

public sealed class BulkKickOffTests
{
    private static readonly DateTimeOffset Watermark = new(2026, 12, 1, 8, 30, 0, TimeSpan.Zero);

    private static async Task<(BulkExportResult Result, WireMock.Logging.ILogEntry KickOff)> ExportAsync(
        EhrTestHost host, BulkExportRequest request, string kickOffPath = "/fhir/Patient/$export")
    {
        using var staging = new TempFolder();
        host.ServeKickOff(kickOffPath);
        host.ServeStatus(BulkTestServer.StatusPath, r => r.Manifest(host));
        var (exporter, _) = host.Exporter();
        var result = await exporter.ExportAsync(request, staging.Path, CancellationToken.None);
        return (result, Assert.Single(host.Requests(kickOffPath)));
    }

    [Fact]
    public async Task KickOff_IgOperationDefinition_SinceSentTypeFilterNot()
    {
        using var host = EhrTestHost.Start();
        host.ServeCapabilities();

        var (result, kickOff) = await ExportAsync(host, BulkTestServer.ExportRequest(Watermark, "Observation?code=http://loinc.org|26464-8"));

        Assert.True(result.SinceApplied);
        Assert.Equal("2026-12-01T08:30:00.000Z", kickOff.RequestMessage.Query!["_since"].Single());
        Assert.False(kickOff.RequestMessage.Query!.ContainsKey("_typeFilter"));
    }

    [Fact]
    public async Task KickOff_OwnOperationDefinitionWithoutSince_FullExportWithTypeFilter()
    {
        using var host = EhrTestHost.Start();
        host.ServeCapabilities(BulkTestServer.Capabilities(patientDefinition: host.BaseUrl + "/OperationDefinition/vendor-export"));
        var definition = new OperationDefinition
        {
            Id = "vendor-export",
            Name = "VendorExport",
            Status = PublicationStatus.Active,
            Kind = OperationDefinition.OperationKind.Operation,
            Code = "export",
            System = false,
            Type = true,
            Instance = false,
            Parameter =
            [
                new() { Name = "_type", Use = OperationParameterUse.In, Min = 0, Max = "1" },
                new() { Name = "_typeFilter", Use = OperationParameterUse.In, Min = 0, Max = "*" },
            ],
        };
        host.Server.Given(Request.Create().WithPath("/fhir/OperationDefinition/vendor-export").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", Interop.Ehr.Rest.FhirMediaType.Json).WithBody(FhirJsonBodies.Json(definition)));

        var (result, kickOff) = await ExportAsync(host, BulkTestServer.ExportRequest(Watermark, "Observation?code=http://loinc.org|26464-8", "Encounter?status=finished"));

        Assert.False(result.SinceApplied);
        Assert.False(kickOff.RequestMessage.Query!.ContainsKey("_since"));
        // Only filters on exported types go out.
        Assert.Equal(["Observation?code=http://loinc.org|26464-8"], kickOff.RequestMessage.Query!["_typeFilter"]);
    }

    [Fact]
    public async Task KickOff_SinceSetUnsupported_FullExportWhateverTheServerSays()
    {
        using var host = EhrTestHost.Start(o => o.Bulk.Since = BulkFeatureSupport.Unsupported);
        host.ServeCapabilities();

        var (result, kickOff) = await ExportAsync(host, BulkTestServer.ExportRequest(Watermark));

        Assert.False(result.SinceApplied);
        Assert.False(kickOff.RequestMessage.Query!.ContainsKey("_since"));
    }

    [Fact]
    public async Task KickOff_TypeMarkedNotSupportedOrConfigured_LeftOutOfTypeAndReportedForRest()
    {
        using var host = EhrTestHost.Start(o => o.Bulk.TypesNotExported.Add("Condition"));
        host.ServeCapabilities(BulkTestServer.Capabilities(notExported: "MedicationAdministration"));

        var (result, kickOff) = await ExportAsync(host, BulkTestServer.ExportRequest());

        Assert.Equal("Patient,Observation", kickOff.RequestMessage.Query!["_type"].Single());
        Assert.Equal(["Condition", "MedicationAdministration"], result.TypesByRest.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task KickOff_GroupLevel_GroupPathUsed()
    {
        using var host = EhrTestHost.Start(o =>
        {
            o.Bulk.Level = BulkExportLevel.Group;
            o.Bulk.GroupId = "blinfant-cohort";
        });
        host.ServeCapabilities();

        await ExportAsync(host, BulkTestServer.ExportRequest(), "/fhir/Group/blinfant-cohort/$export");
    }

    [Fact]
    public async Task KickOff_SystemLevelNotDeclared_RefusedBeforeKickOff()
    {
        using var host = EhrTestHost.Start(o => o.Bulk.Level = BulkExportLevel.System);
        using var staging = new TempFolder();
        host.ServeCapabilities();
        var (exporter, _) = host.Exporter();

        var error = await Assert.ThrowsAsync<Interop.Ehr.Rest.FhirProtocolException>(() => exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, CancellationToken.None));

        Assert.Contains("System level", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Requests("/fhir/$export"));
    }

    [Fact]
    public async Task KickOff_Refused_ServerExceptionWithStatus()
    {
        using var host = EhrTestHost.Start();
        using var staging = new TempFolder();
        host.ServeCapabilities();
        host.Server.Given(Request.Create().WithPath("/fhir/Patient/$export").UsingGet()).RespondWith(Response.Create().WithStatusCode(403));
        var (exporter, _) = host.Exporter();

        var error = await Assert.ThrowsAsync<Interop.Ehr.Rest.FhirServerException>(() => exporter.ExportAsync(BulkTestServer.ExportRequest(), staging.Path, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Null(await host.Store().LoadAsync(EhrTestHost.Name, CancellationToken.None));
    }

    [Theory]
    [InlineData(BulkExportLevel.Group, null, "GroupId must be a FHIR id")]
    [InlineData(BulkExportLevel.Patient, "g1", "GroupId is used only when Level is Group")]
    public void Validate_GroupSettings_NamedErrors(BulkExportLevel level, string? groupId, string expected)
    {
        var options = new EhrConnectionOptions { BaseUrl = new Uri("http://127.0.0.1:8080/fhir") };
        options.Bulk.Level = level;
        options.Bulk.GroupId = groupId;

        Assert.Contains(options.Validate("x"), e => e.StartsWith("Ehrs:x:Bulk:", StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PollBoundsAndParallelism_NamedErrors()
    {
        var options = new EhrConnectionOptions { BaseUrl = new Uri("http://127.0.0.1:8080/fhir") };
        options.Bulk.MinPollInterval = TimeSpan.FromMinutes(10);
        options.Bulk.MaxParallelDownloads = 0;
        options.Bulk.TypesNotExported.Add("NotAType");

        var errors = options.Validate("x");

        Assert.Contains(errors, e => e.Contains("Ehrs:x:Bulk:MinPollInterval", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Ehrs:x:Bulk:MaxParallelDownloads", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Ehrs:x:Bulk:TypesNotExported", StringComparison.Ordinal));
        Assert.Empty(new EhrConnectionOptions { BaseUrl = new Uri("http://127.0.0.1:8080/fhir") }.Validate("x"));
    }
}
