using Interop.Worker.Serve;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Tests.Serve;

public sealed class ScheduleOptionsTests
{
    private static readonly string[] FileOnly = ["file"];

    [Fact]
    public void Validate_Defaults_NoErrors() => Assert.Empty(new ScheduleOptions().Validate(FileOnly));

    [Theory]
    [InlineData("")]
    [InlineData("0 2 * *")]
    [InlineData("0 25 * * *")]
    [InlineData("0 0 2 * * *")]
    public void Validate_BadDefaultCron_NamesScheduleCron(string cron)
    {
        var error = Assert.Single(new ScheduleOptions { Cron = cron }.Validate(FileOnly));
        Assert.StartsWith("Schedule:Cron ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownTarget_NamesTheSetting()
    {
        var options = new ScheduleOptions { Targets = { ["epic-prod"] = "0 3 * * *" } };
        var error = Assert.Single(options.Validate(FileOnly));
        Assert.StartsWith("Schedule:Targets:epic-prod names no sync target", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadTargetCron_NamesTheSetting()
    {
        var options = new ScheduleOptions { Targets = { ["file"] = "every night" } };
        Assert.StartsWith("Schedule:Targets:file ", Assert.Single(options.Validate(FileOnly)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public void Validate_ShutdownTimeoutOutOfRange_NamesTheSetting(int seconds)
    {
        var options = new ScheduleOptions { ShutdownTimeout = TimeSpan.FromSeconds(seconds) };
        Assert.StartsWith("Schedule:ShutdownTimeout ", Assert.Single(options.Validate(FileOnly)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ScheduleForAnUnconfiguredEhr_FailsNamingTheSetting()
    {
        await using var harness = new ScheduleHarness(DateTimeOffset.UnixEpoch, new() { ["Schedule:Targets:epic-prod"] = "0 3 * * *" }, time => new FakeSyncJob(time));
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(harness.StartAsync);
        Assert.Contains(ex.Failures, f => f.StartsWith("Schedule:Targets:epic-prod", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShutdownTimeout_Configured_IsTheHostsShutdownTimeout()
    {
        await using var harness = new ScheduleHarness(DateTimeOffset.UnixEpoch, new() { ["Schedule:ShutdownTimeout"] = "00:00:07" }, time => new FakeSyncJob(time));
        Assert.Equal(TimeSpan.FromSeconds(7), harness.Host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }
}
