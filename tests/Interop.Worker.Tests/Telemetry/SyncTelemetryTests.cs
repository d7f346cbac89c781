using System.Diagnostics.Metrics;
using Interop.Worker.Serve;
using Interop.Sync;
using Interop.Worker.Telemetry;
using Interop.Worker.Tests.Serve;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Interop.Worker.Tests.Telemetry;

/// <summary>A sync run records the Interop meter's counters, tagged by target, mode and status only.</summary>
public sealed class SyncTelemetryTests
{
    private static readonly HashSet<string?> AllowedTagValues = ["file", "completed", "failed", "cancelled"];

    [Fact]
    public async Task RunScheduledAsync_CompletedRun_RecordsCountersWithTargetAndStatusTags()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        using var services = Services(time, new ReportingJob(_ => Reports.Empty(time.GetUtcNow(), evaluated: 5, quarantined: 2)));
        using var recorder = new MeasurementRecorder(services.GetRequiredService<IMeterFactory>());
        var coordinator = services.GetRequiredService<SyncCoordinator>();

        await coordinator.RunScheduledAsync("file", "scheduled", CancellationToken.None);

        var run = Assert.Single(recorder.Of("interop.sync.runs"));
        Assert.Equal(1, run.Value);
        Assert.Equal("file", run.Tags["target"]);
        Assert.Equal("completed", run.Tags["status"]);
        Assert.Equal(5, Assert.Single(recorder.Of("interop.sync.patients_evaluated")).Value);
        Assert.Equal(5, Assert.Single(recorder.Of("interop.sync.outcomes_written")).Value);
        Assert.Equal(2, Assert.Single(recorder.Of("interop.sync.quarantined")).Value);
        Assert.Single(recorder.Of("interop.sync.duration"));
        AssertNoPatientData(recorder);
    }

    [Fact]
    public async Task RunScheduledAsync_FailingRun_CountsAFailedRunAndKeepsGoing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        using var services = Services(time, new ReportingJob(_ => throw new InvalidOperationException("Patient Jansen, born 2025-01-02")));
        using var recorder = new MeasurementRecorder(services.GetRequiredService<IMeterFactory>());
        var coordinator = services.GetRequiredService<SyncCoordinator>();

        Assert.Equal(new ScheduledRun(SyncTriggerOutcome.Started), await coordinator.RunScheduledAsync("file", "scheduled", CancellationToken.None));

        var run = Assert.Single(recorder.Of("interop.sync.runs"));
        Assert.Equal("failed", run.Tags["status"]);
        Assert.Empty(recorder.Of("interop.sync.patients_evaluated"));
        AssertNoPatientData(recorder);
    }

    [Fact]
    public async Task LagGauge_AfterASuccessfulRun_IsSecondsSinceIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        using var services = Services(time, new ReportingJob(_ => Reports.Empty(time.GetUtcNow())));
        using var recorder = new MeasurementRecorder(services.GetRequiredService<IMeterFactory>());
        await services.GetRequiredService<SyncCoordinator>().RunScheduledAsync("file", "scheduled", CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(90));
        recorder.Observe();

        var lag = Assert.Single(recorder.Of("interop.sync.lag"));
        Assert.Equal((5400d, "file"), (lag.Value, lag.Tags["target"]));
    }

    [Fact]
    public async Task RunScheduledAsync_RunWithServerDrift_CountsItByKindAndActionWithoutPatientIds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        Interop.Store.ServerDriftRecord[] drift =
        [
            new("deleted", "restored", "p-secret-1", "eligibility", ["Observation/a"]),
            new("deleted", "restored", "p-secret-2", "eligibility", ["Observation/b"]),
            new("edited-outside", "kept-ehr-version", "p-secret-1", "mrd-after-blinatumomab", ["Observation/c"]),
        ];
        using var services = Services(time, new ReportingJob(_ => Reports.Empty(time.GetUtcNow()) with { ServerDrift = drift }));
        using var recorder = new MeasurementRecorder(services.GetRequiredService<IMeterFactory>());

        await services.GetRequiredService<SyncCoordinator>().RunScheduledAsync("file", "scheduled", CancellationToken.None);

        var counted = recorder.Of("interop.sync.outcome_drift").ToDictionary(m => ((string?)m.Tags["kind"], (string?)m.Tags["action"]), m => m.Value);
        Assert.Equal(2, counted[("deleted", "restored")]);
        Assert.Equal(1, counted[("edited-outside", "kept-ehr-version")]);
        Assert.All(recorder.Measurements, m => Assert.DoesNotContain(m.Tags.Values, v => v is string text && text.Contains("p-secret", StringComparison.Ordinal)));
    }

    private static void AssertNoPatientData(MeasurementRecorder recorder)
    {
        foreach (var measurement in recorder.Measurements)
        {
            Assert.All(measurement.Tags.Keys, key => Assert.Contains(key, new[] { "target", "mode", "status" }));
            Assert.All(measurement.Tags.Values, value => Assert.Contains(value, AllowedTagValues));
        }
    }

    private static ServiceProvider Services(TimeProvider time, ISyncJob job)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton(job);
        services.AddSingleton(SyncTargets.From([]));
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddMetrics();
        services.AddSingleton<SyncRunBoard>();
        services.AddSingleton<SyncTelemetry>();
        services.AddSingleton<SyncCoordinator>();
        return services.BuildServiceProvider();
    }

    private sealed class ReportingJob(Func<string, RunReport> report) : ISyncJob
    {
        public Task<RunReport> RunAsync(string target, CancellationToken cancellationToken) => Task.FromResult(report(target));
    }
}
