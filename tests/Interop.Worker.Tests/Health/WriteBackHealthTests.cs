using System.Net;
using System.Text.Json;
using Interop.Store;
using Interop.Testing;
using Interop.Worker.Configuration;
using Interop.Worker.Health;
using Interop.Worker.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interop.Worker.Tests.Health;

/// <summary>An EHR's write-back readiness: degraded while a patient is parked (a duplicated outcome identifier).</summary>
public sealed class WriteBackHealthTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Assess_QueuedButNotParked_IsHealthy() =>
        Assert.Equal(HealthStatus.Healthy, WriteBackHealthCheck.Assess([Pending("p1", parked: false)]).Status);

    [Fact]
    public void Assess_OneParked_IsDegradedWithACountAndWhereToLook()
    {
        var result = WriteBackHealthCheck.Assess([Pending("p1", parked: false), Pending("p2", parked: true)]);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.StartsWith("1 patient(s) parked", result.Description, StringComparison.Ordinal);
        Assert.Contains("/api/v1/outcome-conflicts", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("p2", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_ConfiguredEhrWithAParkedPatient_IsDegradedByItsWriteBackCheck()
    {
        using var folder = new TempFolder();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:ConnectionString"] = $"Data Source={folder.Combine("state.db")};Pooling=False",
            ["Ehrs:hospital:BaseUrl"] = "http://127.0.0.1:9/fhir",
        });
        builder.Services.AddOptions<InteropOptions>();
        builder.Services.AddOptions<ScheduleOptions>();
        builder.Services.AddInteropStore(builder.Configuration);
        builder.Services.AddSingleton(SyncTargets.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<SyncSchedules>();
        builder.Services.AddInteropHealth(builder.Configuration);
        await using var app = builder.Build();
        app.MapInteropHealth();
        var store = app.Services.GetRequiredService<StateStore>();
        await store.MigrateAsync(CancellationToken.None);
        await store.RecordPendingPatientAsync("hospital", "p7", "duplicate-outcome", CancellationToken.None);
        await store.ParkPendingPatientAsync("hospital", "p7", CancellationToken.None);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await client.GetAsync(new Uri(HealthEndpoints.ReadyPath, UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = body.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "write-back:hospital");
        Assert.Equal("Degraded", check.GetProperty("status").GetString());
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
    }

    private static PendingPatient Pending(string patientId, bool parked) =>
        new("hospital", patientId, "duplicate-outcome", 3, At, At) { ParkedAt = parked ? At : null };
}
