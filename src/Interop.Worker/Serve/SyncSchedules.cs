using Interop.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace Interop.Worker.Serve;

/// <summary>Each target's schedule: its cron expression (own or default) in the site's time zone.</summary>
internal sealed class SyncSchedules(SyncTargets targets, IOptions<ScheduleOptions> scheduleOptions, IOptions<InteropOptions> interopOptions)
{
    private readonly Lazy<IReadOnlyList<TargetSchedule>> _all = new(() =>
    {
        var schedule = scheduleOptions.Value;
        var zone = interopOptions.Value.TimeZone();
        return [.. targets.Names.Select(t => new TargetSchedule(t, ScheduleOptions.Parse(schedule.CronOf(t)), zone))];
    });

    public IReadOnlyList<TargetSchedule> All => _all.Value;

    public TargetSchedule Of(string target) => All.Single(s => string.Equals(s.Target, target, StringComparison.Ordinal));
}
