namespace Interop.Domain.Cohort;

/// <summary>A fitted Kaplan-Meier curve: its steps, censoring marks, and estimates at any time.</summary>
public sealed class KaplanMeierCurve
{
    /// <summary>The 0.975 quantile of the standard normal distribution (a 95% two-sided interval).</summary>
    public const double Z95 = 1.959963984540054;

    private readonly IReadOnlyList<double> _greenwood;

    internal KaplanMeierCurve(int subjects, IReadOnlyList<KaplanMeierStep> steps, IReadOnlyList<double> greenwood)
    {
        Subjects = subjects;
        Steps = steps;
        _greenwood = greenwood;
    }

    /// <summary>Subjects in the estimate.</summary>
    public int Subjects { get; }

    /// <summary>Every distinct observed time, in order.</summary>
    public IReadOnlyList<KaplanMeierStep> Steps { get; }

    /// <summary>Events in all.</summary>
    public int Events => Steps.Sum(s => s.Events);

    /// <summary>One mark per censored subject, at the curve's height at their time.</summary>
    public IEnumerable<CensorMark> CensorMarks =>
        Steps.SelectMany(s => Enumerable.Repeat(new CensorMark(s.TimeDays, s.Survival), s.Censored));

    /// <summary>Subjects still at risk at <paramref name="timeDays"/>: their time (event or censoring) is at or after it.</summary>
    public int AtRiskAt(double timeDays) => Steps.Where(s => s.TimeDays >= timeDays).Select(s => s.AtRisk).FirstOrDefault();

    /// <summary>
    /// S(t) with Greenwood's variance and the 95% log-log interval, or null when not estimable: nobody is at risk at
    /// <paramref name="timeDays"/> (every subject had an event or was censored before it, or there is no subject).
    /// Events at exactly t count. When S(t) is 1 (no event yet) or 0, the variance is 0 and the interval is that point:
    /// the log-log transform is undefined there, and R's survival package reports no wider interval either.
    /// </summary>
    public KaplanMeierEstimate? EstimateAt(double timeDays)
    {
        var atRisk = AtRiskAt(timeDays);
        if (atRisk == 0)
        {
            return null;
        }

        var last = -1;
        for (var i = 0; i < Steps.Count && Steps[i].TimeDays <= timeDays; i++)
        {
            last = i;
        }

        var survival = last < 0 ? 1.0 : Steps[last].Survival;
        var greenwood = last < 0 ? 0.0 : _greenwood[last];
        if (survival is >= 1.0 or <= 0.0)
        {
            return new KaplanMeierEstimate(timeDays, survival, survival, survival, 0.0, atRisk);
        }

        var logS = Math.Log(survival);
        var center = Math.Log(-logS);
        var halfWidth = Z95 * Math.Sqrt(greenwood) / Math.Abs(logS);
        return new KaplanMeierEstimate(
            timeDays,
            survival,
            Lower: Math.Exp(-Math.Exp(center + halfWidth)),
            Upper: Math.Exp(-Math.Exp(center - halfWidth)),
            Variance: survival * survival * greenwood,
            atRisk);
    }
}
