using Interop.Store;
using Interop.Worker.Health;
using Interop.Worker.Serve;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interop.Worker.Tests.Health;

/// <summary>A target's readiness from its run history: nightly at 02:00 Amsterdam (01:00Z in March), grace 2 hours.</summary>
public sealed class TargetRunHealthTests
{
    private static readonly TargetSchedule Nightly = new(
        "file", ScheduleOptions.Parse(ScheduleOptions.DefaultCron), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));

    private static readonly TimeSpan Grace = TimeSpan.FromHours(2);
    private static readonly DateTimeOffset LastStart = new(2026, 3, 2, 1, 0, 30, TimeSpan.Zero);
    private static readonly DateTimeOffset NextOccurrence = new(2026, 3, 3, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Assess_NoRunYet_IsDegraded()
    {
        var result = TargetRunHealthCheck.Assess(Nightly, new TargetRuns(null, null), LastStart, Grace);
        Assert.Equal((HealthStatus.Degraded, "No run yet."), (result.Status, result.Description));
    }

    [Fact]
    public void Assess_LatestRunFailed_IsDegradedEvenWithAnEarlierCompletedRun()
    {
        var completed = Run(LastStart, SyncRunStatus.Completed);
        var failed = Run(LastStart.AddMinutes(5), SyncRunStatus.Failed);
        var result = TargetRunHealthCheck.Assess(Nightly, new TargetRuns(completed, failed), LastStart.AddHours(1), Grace);
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("failed", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_LatestRunAbandoned_IsDegradedNamingIt()
    {
        var completed = Run(LastStart, SyncRunStatus.Completed);
        var abandoned = Run(LastStart.AddMinutes(5), SyncRunStatus.Abandoned);
        var result = TargetRunHealthCheck.Assess(Nightly, new TargetRuns(completed, abandoned), LastStart.AddHours(1), Grace);
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("abandoned", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_FirstRunStillRunning_IsDegraded()
    {
        var running = Run(LastStart, SyncRunStatus.Running);
        Assert.Equal(HealthStatus.Degraded, TargetRunHealthCheck.Assess(Nightly, new TargetRuns(null, running), LastStart, Grace).Status);
    }

    [Fact]
    public void Assess_ExactlyAtTheStaleLimit_IsHealthy()
    {
        var completed = Run(LastStart, SyncRunStatus.Completed);
        var result = TargetRunHealthCheck.Assess(Nightly, new TargetRuns(completed, completed), NextOccurrence + Grace, Grace);
        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public void Assess_JustPastTheStaleLimit_IsDegraded()
    {
        var completed = Run(LastStart, SyncRunStatus.Completed);
        var result = TargetRunHealthCheck.Assess(Nightly, new TargetRuns(completed, completed), NextOccurrence + Grace + TimeSpan.FromTicks(1), Grace);
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.StartsWith("Stale", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_NextRunRunningWithinGrace_IsHealthy()
    {
        var completed = Run(LastStart, SyncRunStatus.Completed);
        var running = Run(NextOccurrence, SyncRunStatus.Running);
        var result = TargetRunHealthCheck.Assess(Nightly, new TargetRuns(completed, running), NextOccurrence.AddHours(1), Grace);
        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    private static SyncRun Run(DateTimeOffset started, SyncRunStatus status) => new(
        Guid.CreateVersion7(started), "file", SyncRunMode.File, status, started,
        status == SyncRunStatus.Running ? null : started.AddMinutes(3), started, new SyncRunCounts(), 0,
        status == SyncRunStatus.Running ? null : 0);
}
