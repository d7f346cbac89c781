namespace Interop.Domain.Cohort;

/// <summary>
/// Survival horizons in days. A year is 365.25 days, so "two years" is day 730.5: an event on day 730 falls inside
/// the 2-year estimate and one on day 731 outside; a subject censored on day 730 is no longer at risk at two years.
/// Four years is day 1461 (inclusive).
/// </summary>
public static class SurvivalTime
{
    /// <summary>Days per year (the Julian year, as survival software converts).</summary>
    public const double DaysPerYear = 365.25;

    /// <summary>Days per month (a twelfth of <see cref="DaysPerYear"/>), for plotting in months.</summary>
    public const double DaysPerMonth = DaysPerYear / 12;

    /// <summary>The horizon of <paramref name="years"/> years, in days.</summary>
    public static double Years(double years) => years * DaysPerYear;
}
