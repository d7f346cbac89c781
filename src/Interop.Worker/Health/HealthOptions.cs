namespace Interop.Worker.Health;

/// <summary>Readiness rules (section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Health";

    /// <summary>
    /// How long after a scheduled occurrence a target may go without a completed run started after it before it is
    /// reported stale (degraded): time for the run itself plus slack. Default 2 hours.
    /// </summary>
    public TimeSpan RunGrace { get; set; } = TimeSpan.FromHours(2);

    /// <summary>One message per problem, naming the setting.</summary>
    public IReadOnlyList<string> Validate() =>
        RunGrace <= TimeSpan.Zero || RunGrace > TimeSpan.FromDays(7)
            ? [$"{SectionName}:{nameof(RunGrace)} must be more than 0 and at most 7.00:00:00"]
            : [];
}
