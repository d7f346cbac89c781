namespace Interop.Domain.Cohort;

/// <summary>
/// The Kaplan-Meier product-limit estimator. At each distinct time with events, S is multiplied by (1 - d/n), with n
/// the subjects whose time is at or after it; censorings tied with events are counted after the events (the standard
/// convention, as R's survival package). Greenwood's sum Σ d/(n(n-d)) is kept for the variance.
/// </summary>
public static class KaplanMeier
{
    /// <summary>Fits the curve to the observations (any order).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative or not a finite number.</exception>
    public static KaplanMeierCurve Fit(IEnumerable<SurvivalObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var sorted = observations.OrderBy(o => o.TimeDays).ToList();
        foreach (var observation in sorted)
        {
            if (!double.IsFinite(observation.TimeDays) || observation.TimeDays < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(observations), observation.TimeDays, "survival times must be finite and not negative");
            }
        }

        var steps = new List<KaplanMeierStep>();
        var greenwood = new List<double>();
        var survival = 1.0;
        var sum = 0.0;
        var atRisk = sorted.Count;
        var index = 0;
        while (index < sorted.Count)
        {
            var time = sorted[index].TimeDays;
            int events = 0, censored = 0;
            for (; index < sorted.Count && sorted[index].TimeDays == time; index++)
            {
                _ = sorted[index].Event ? events++ : censored++;
            }

            if (events > 0)
            {
                survival *= 1.0 - ((double)events / atRisk);
                sum = events < atRisk ? sum + (events / ((double)atRisk * (atRisk - events))) : double.PositiveInfinity;
            }

            steps.Add(new KaplanMeierStep(time, atRisk, events, censored, survival));
            greenwood.Add(sum);
            atRisk -= events + censored;
        }

        return new KaplanMeierCurve(sorted.Count, steps, greenwood);
    }
}
