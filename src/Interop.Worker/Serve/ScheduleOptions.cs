using Cronos;

namespace Interop.Worker.Serve;

/// <summary>
/// When <c>serve</c> syncs (section <c>Schedule</c>): a five-field cron expression read in the site's time zone
/// (<c>Interop:SiteTimeZone</c>), overridable per target, and whether a run missed while the service was down is
/// made up at start.
/// </summary>
public sealed class ScheduleOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Schedule";

    /// <summary>The schedule of every target without its own: nightly at 02:00 site time.</summary>
    public const string DefaultCron = "0 2 * * *";

    /// <summary>Five-field cron (minute hour day-of-month month day-of-week), in the site's time zone.</summary>
    public string Cron { get; set; } = DefaultCron;

    /// <summary>Per-target cron expressions (<c>Schedule:Targets:&lt;EHR name or file&gt;</c>) over <see cref="Cron"/>.</summary>
    public Dictionary<string, string> Targets { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>At start, run a target at once when a scheduled occurrence passed since its last completed run (at most one catch-up).</summary>
    public bool CatchUp { get; set; } = true;

    /// <summary>
    /// How long stopping the service waits for a running sync to stop at the next patient (the host's shutdown timeout).
    /// A live sync finishes the patient transaction in flight, which is bounded by the EHR client's timeouts.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>The cron expression of <paramref name="target"/>, unparsed.</summary>
    public string CronOf(string target) => Targets.TryGetValue(target, out var own) ? own : Cron;

    /// <summary>One message per problem, naming the setting.</summary>
    public IReadOnlyList<string> Validate(IReadOnlyCollection<string> targets)
    {
        var errors = new List<string>();
        CheckCron(Cron, $"{SectionName}:{nameof(Cron)}", errors);
        foreach (var (target, cron) in Targets)
        {
            var setting = $"{SectionName}:{nameof(Targets)}:{target}";
            if (!targets.Contains(target, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{setting} names no sync target (targets: {string.Join(", ", targets)})");
            }

            CheckCron(cron, setting, errors);
        }

        if (ShutdownTimeout <= TimeSpan.Zero || ShutdownTimeout > TimeSpan.FromHours(1))
        {
            errors.Add($"{SectionName}:{nameof(ShutdownTimeout)} must be more than 0 and at most 01:00:00");
        }

        return errors;
    }

    /// <summary>Parses a validated cron expression.</summary>
    public static CronExpression Parse(string cron) => CronExpression.Parse(cron.Trim(), CronFormat.Standard);

    private static void CheckCron(string? cron, string setting, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(cron) || !CronExpression.TryParse(cron.Trim(), CronFormat.Standard, out _))
        {
            errors.Add($"{setting} '{cron}' is not a five-field cron expression (minute hour day-of-month month day-of-week, e.g. '{DefaultCron}')");
        }
    }
}
