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
using Microsoft.Extensions.Time.Testing;

namespace Interop.Worker.Tests.Health;

/// <summary>/health/live and /health/ready on Kestrel at 127.0.0.1, anonymous, behind an authenticated-only fallback policy.</summary>
public sealed class HealthEndpointTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Live_Anonymous_IsHealthyWithoutChecks()
    {
        using var folder = new TempFolder();
        await using var app = await StartAsync(folder, seedRunAt: null);
        using var client = Client(app);

        using var response = await client.GetAsync(new Uri(HealthEndpoints.LivePath, UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("checks").GetArrayLength());
    }

    [Fact]
    public async Task Ready_FreshInstall_IsDegradedWithTheStoreHealthy()
    {
        using var folder = new TempFolder();
        await using var app = await StartAsync(folder, seedRunAt: null);
        using var client = Client(app);

        var (status, checks) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, status.Code);
        Assert.Equal("Degraded", status.Overall);
        Assert.Equal("Healthy", checks["store"].Status);
        Assert.Equal(("Degraded", "No run yet."), checks["run:file"]);
    }

    [Fact]
    public async Task Ready_RecentCompletedRun_IsHealthy()
    {
        using var folder = new TempFolder();
        await using var app = await StartAsync(folder, seedRunAt: Now.AddHours(-10));
        using var client = Client(app);

        var (status, checks) = await ReadyAsync(client);

        Assert.Equal(("Healthy", HttpStatusCode.OK), (status.Overall, status.Code));
        Assert.Equal("Healthy", checks["run:file"].Status);
    }

    [Fact]
    public async Task Ready_StoreUnreadable_IsUnhealthy503WithoutTheExceptionMessage()
    {
        using var folder = new TempFolder();
        await using var app = await StartAsync(folder, seedRunAt: null, storeBroken: true);
        using var client = Client(app);

        var (status, checks) = await ReadyAsync(client);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), status);
        Assert.Equal("Unhealthy", checks["store"].Status);
        Assert.DoesNotContain(folder.Path, checks["store"].Description, StringComparison.Ordinal);
        Assert.DoesNotContain(folder.Path, checks["run:file"].Description, StringComparison.Ordinal);
    }

    private static HttpClient Client(WebApplication app) => new() { BaseAddress = new Uri(app.Urls.First()) };

    private static async Task<((HttpStatusCode Code, string? Overall) Status, Dictionary<string, (string? Status, string? Description)> Checks)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(HealthEndpoints.ReadyPath, UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString(), c.GetProperty("description").GetString()));
        return ((response.StatusCode, body.RootElement.GetProperty("status").GetString()), checks);
    }

    /// <param name="storeBroken">The store's file is in a folder that does not exist (so it cannot be opened) and is not migrated.</param>
    private static async Task<WebApplication> StartAsync(TempFolder folder, DateTimeOffset? seedRunAt, bool storeBroken = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Sqlite",
            ["Store:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, storeBroken ? "missing" : ".", "state.db")}",
        });
        var time = new FakeTimeProvider(seedRunAt ?? Now);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddOptions<InteropOptions>();
        builder.Services.AddOptions<ScheduleOptions>();
        builder.Services.AddInteropStore(builder.Configuration);
        builder.Services.AddSingleton(SyncTargets.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<SyncSchedules>();
        builder.Services.AddInteropHealth(builder.Configuration);
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapInteropHealth();

        var store = app.Services.GetRequiredService<StateStore>();
        if (!storeBroken)
        {
            await store.MigrateAsync(CancellationToken.None);
        }

        if (seedRunAt is not null)
        {
            var id = await store.StartRunAsync("file", SyncRunMode.File, time.GetUtcNow(), TimeSpan.FromMinutes(2), CancellationToken.None);
            await store.FinishRunAsync(id, new SyncRunCompletion(SyncRunStatus.Completed, 0, new SyncRunCounts(), []), CancellationToken.None);
            time.SetUtcNow(Now);
        }

        await app.StartAsync();
        return app;
    }
}
