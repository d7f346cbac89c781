using Hl7.Fhir.Model;
using Interop.Ehr.Bulk;
using Interop.Ehr.DependencyInjection;
using Interop.Ehr.Ndjson;
using Interop.Ehr.Rest;
using Interop.Ehr.Tests.Bulk;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace Interop.Ehr.Tests.FhirServer;

/// <summary>The Bulk Data client against the local FHIR server's export (tests/fhir-server/lib/bulk.mjs), end to end.</summary>
public sealed class BulkExportServerTests(FhirServerClassFixture fixture) : IClassFixture<FhirServerClassFixture>
{
    [Fact]
    public async Task Export_LocalServer_SameResourcesAsRestSearches()
    {
        using var staging = new TempFolder();
        await using var services = Services(fixture.Server.BaseUri);
        var fhir = services.GetRequiredKeyedService<FhirClient>("local");
        var transaction = new Bundle { Type = Bundle.BundleType.Transaction };
        for (var i = 0; i < 5; i++)
        {
            var patient = new Patient { Id = $"bx{i}" };
            var observation = new Observation { Id = $"bxo{i}", Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "26464-8"), Subject = new ResourceReference($"Patient/bx{i}") };
            transaction.Entry.Add(new() { Resource = patient, Request = new() { Method = Bundle.HTTPVerb.PUT, Url = $"Patient/{patient.Id}" } });
            transaction.Entry.Add(new() { Resource = observation, Request = new() { Method = Bundle.HTTPVerb.PUT, Url = $"Observation/{observation.Id}" } });
        }

        await fhir.TransactionAsync(transaction);
        var exporter = services.GetRequiredKeyedService<BulkExporter>("local");

        var result = await exporter.ExportAsync(new BulkExportRequest(["Patient", "Observation"], null, []), staging.Path, CancellationToken.None);

        var exported = await new NdjsonFolderReader().ReadAsync(result.Folder, CancellationToken.None)
            .Where(i => i.Resource is not null).Select(i => $"{i.Resource!.TypeName}/{i.Resource.Id}/{i.Resource.Meta?.VersionId}").ToListAsync();
        var searched = new List<string>();
        foreach (var type in new[] { "Patient", "Observation" })
        {
            searched.AddRange(await fhir.SearchAsync(type, []).Select(r => $"{r.TypeName}/{r.Id}/{r.Meta?.VersionId}").ToListAsync());
        }

        Assert.Equal(searched.Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
        Assert.True(result.SinceApplied is false && result.Errors.Count == 0 && result.FilesDownloaded > 0);

        await exporter.CompleteAsync(result, CancellationToken.None);
        Assert.Empty(Directory.GetDirectories(staging.Path));
    }

    [Fact]
    public async Task Support_LocalServer_PatientAndGroupAndSystemExportWithSinceWithoutTypeFilter()
    {
        await using var services = Services(fixture.Server.BaseUri);

        var support = await services.GetRequiredKeyedService<BulkDataClient>("local").DiscoverAsync(CancellationToken.None);

        Assert.Equal((true, true, true, true, false), (support.SystemExport, support.PatientExport, support.GroupExport, support.Since, support.TypeFilter));
    }

    private static ServiceProvider Services(Uri baseUri)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IBulkExportStateStore, InMemoryBulkExportStateStore>();
        services.AddFhirEhrClient("local", o =>
        {
            o.BaseUrl = baseUri;
            o.Bulk.MinPollInterval = TimeSpan.Zero;
            o.Bulk.PollInterval = TimeSpan.FromMilliseconds(100);
        });
        return services.BuildServiceProvider();
    }
}
