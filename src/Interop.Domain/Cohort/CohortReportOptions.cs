namespace Interop.Domain.Cohort;

/// <summary>
/// The cohort report's settings (section <c>Report</c>): the Interfant-06 historical figures the cohort is shown
/// beside. Defaults are those of docs/trial-rules.md ("Published results"); each is a fraction in [0, 1].
/// </summary>
public sealed class CohortReportOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Report";

    /// <summary>Interfant-06 2-year disease-free survival.</summary>
    public double HistoricalDfsTwoYear { get; set; } = 0.494;

    /// <summary>Interfant-06 2-year overall survival.</summary>
    public double HistoricalOsTwoYear { get; set; } = 0.658;

    /// <summary>Interfant-06 4-year disease-free survival.</summary>
    public double HistoricalDfsFourYear { get; set; } = 0.440;

    /// <summary>Interfant-06 4-year overall survival.</summary>
    public double HistoricalOsFourYear { get; set; } = 0.602;

    /// <summary>One message per problem, naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void RequireFraction(double value, string setting)
        {
            if (!(value is >= 0 and <= 1))
            {
                errors.Add($"{SectionName}:{setting} must be a fraction in [0, 1] (0.494, not 49.4)");
            }
        }

        RequireFraction(HistoricalDfsTwoYear, nameof(HistoricalDfsTwoYear));
        RequireFraction(HistoricalOsTwoYear, nameof(HistoricalOsTwoYear));
        RequireFraction(HistoricalDfsFourYear, nameof(HistoricalDfsFourYear));
        RequireFraction(HistoricalOsFourYear, nameof(HistoricalOsFourYear));
        return errors;
    }
}
