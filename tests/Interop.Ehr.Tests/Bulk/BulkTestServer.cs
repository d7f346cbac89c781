using System.IO.Compression;
using System.Text;
using Hl7.Fhir.Model;
using Interop.Ehr.Bulk;
using Interop.Ehr.Tests.Rest;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Interop.Ehr.Tests.Bulk;

/// <summary>Bulk Data answers on an <see cref="EhrTestHost"/>'s WireMock server, and the exporter with its poll waits recorded instead of slept.</summary>
internal static class BulkTestServer
{
    public const string StatusPath = "/fhir/bulkstatus/job1";

    public static string Url(this EhrTestHost host, string path) => host.Server.Urls[0] + path;

    /// <summary>A CapabilityStatement declaring the IG's export operations (patient and group by default).</summary>
    public static CapabilityStatement Capabilities(bool system = false, string? patientDefinition = null, params string[] notExported)
    {
        var rest = new CapabilityStatement.RestComponent { Mode = CapabilityStatement.RestfulCapabilityMode.Server };
        if (system)
        {
            rest.Operation.Add(new CapabilityStatement.OperationComponent { Name = "export", Definition = BulkServerSupport.OperationDefinitionPrefix + "export" });
        }

        var patient = new CapabilityStatement.ResourceComponent { Type = "Patient" };
        patient.Operation.Add(new CapabilityStatement.OperationComponent { Name = "export", Definition = patientDefinition ?? BulkServerSupport.OperationDefinitionPrefix + "patient-export" });
        var group = new CapabilityStatement.ResourceComponent { Type = "Group" };
        group.Operation.Add(new CapabilityStatement.OperationComponent { Name = "export", Definition = BulkServerSupport.OperationDefinitionPrefix + "group-export" });
        rest.Resource.AddRange([patient, group]);
        foreach (var type in notExported)
        {
            var resource = new CapabilityStatement.ResourceComponent { Type = type };
            resource.Extension.Add(new Extension(BulkServerSupport.NotSupportedExtension, new Canonical("http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data")));
            rest.Resource.Add(resource);
        }

        return new CapabilityStatement
        {
            Status = PublicationStatus.Active,
            Kind = CapabilityStatementKind.Instance,
            FhirVersion = FHIRVersion.N4_0_1,
            Date = "2026-01-01",
            Format = ["json"],
            Rest = [rest],
        };
    }

    public static void ServeCapabilities(this EhrTestHost host, CapabilityStatement? capabilities = null) =>
        host.Server.Given(Request.Create().WithPath("/fhir/metadata").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", Interop.Ehr.Rest.FhirMediaType.Json).WithBody(FhirJsonBodies.Json(capabilities ?? Capabilities())));

    public static void ServeKickOff(this EhrTestHost host, string path = "/fhir/Patient/$export", string statusPath = StatusPath) =>
        host.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("Content-Location", host.Url(statusPath)));

    /// <summary>The status URL answers <paramref name="answers"/> in turn (the last one repeats).</summary>
    public static void ServeStatus(this EhrTestHost host, string statusPath, params Func<IResponseBuilder, IResponseBuilder>[] answers)
    {
        if (answers.Length == 1)
        {
            host.Server.Given(Request.Create().WithPath(statusPath).UsingGet()).RespondWith(answers[0](Response.Create()));
            return;
        }

        for (var i = 0; i < answers.Length; i++)
        {
            var request = host.Server.Given(Request.Create().WithPath(statusPath).UsingGet()).InScenario(statusPath);
            if (i > 0)
            {
                request = request.WhenStateIs($"s{i}");
            }

            request = i < answers.Length - 1 ? request.WillSetStateTo($"s{i + 1}") : request;
            request.RespondWith(answers[i](Response.Create()));
        }
    }

    public static IResponseBuilder Manifest(this IResponseBuilder response, EhrTestHost host, bool requiresAccessToken = false, string[]? output = null, string[]? errors = null, string[]? deleted = null)
    {
        static string Files(EhrTestHost host, string[]? files) =>
            string.Join(",", (files ?? []).Select(f => $$"""{"type":"{{f.Split('/')[^1].Split('.')[0]}}","url":"{{host.Url(f)}}"}"""));
        return response.WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(
            $$"""{"transactionTime":"2026-12-06T05:00:00Z","request":"x","requiresAccessToken":{{(requiresAccessToken ? "true" : "false")}},"output":[{{Files(host, output)}}],"deleted":[{{Files(host, deleted)}}],"error":[{{Files(host, errors)}}]}""");
    }

    public static void ServeFile(this EhrTestHost host, string path, IEnumerable<Resource> resources, bool gzip = false, bool contentEncoding = true)
    {
        var text = string.Concat(resources.Select(r => FhirJsonBodies.Json(r) + "\n"));
        var response = Response.Create().WithHeader("Content-Type", "application/fhir+ndjson");
        if (gzip)
        {
            using var buffer = new MemoryStream();
            using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                zip.Write(Encoding.UTF8.GetBytes(text));
            }

            response = contentEncoding ? response.WithHeader("Content-Encoding", "gzip").WithBody(buffer.ToArray()) : response.WithBody(buffer.ToArray());
        }
        else
        {
            response = response.WithBody(text);
        }

        host.Server.Given(Request.Create().WithPath(path).UsingGet()).AtPriority(10).RespondWith(response);
    }

    /// <summary>The DI-built exporter, its poll waits recorded (and not slept).</summary>
    public static (BulkExporter Exporter, List<TimeSpan> Waits) Exporter(this EhrTestHost host, Action<TimeSpan>? onWait = null)
    {
        var exporter = host.Services.GetRequiredKeyedService<BulkExporter>(EhrTestHost.Name);
        var waits = new List<TimeSpan>();
        exporter.Client.Delay = (delay, ct) =>
        {
            waits.Add(delay);
            onWait?.Invoke(delay);
            ct.ThrowIfCancellationRequested();
            return System.Threading.Tasks.Task.CompletedTask;
        };
        return (exporter, waits);
    }

    public static InMemoryBulkExportStateStore Store(this EhrTestHost host) =>
        (InMemoryBulkExportStateStore)host.Services.GetRequiredService<IBulkExportStateStore>();

    public static BulkExportRequest ExportRequest(DateTimeOffset? since = null, params string[] typeFilters) =>
        new(["Patient", "Condition", "Observation", "MedicationAdministration"], since, typeFilters);
}
