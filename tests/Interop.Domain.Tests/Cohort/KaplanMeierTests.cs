using Interop.Domain.Cohort;

namespace Interop.Domain.Tests.Cohort;

/// <summary>
/// Expected values are computed by hand (and checked with an independent script): S(t) = Π(1 - d/n), Greenwood
/// Var = S² Σ d/(n(n-d)), 95% log-log limits exp(-exp(log(-log S) ± 1.959964·sqrt(Σ)/|log S|)).
/// </summary>
public sealed class KaplanMeierTests
{
    private const double Tolerance = 1e-4;

    // n=10: events at 1, 2, 2 (a censoring tied at 2), 4, 6; censored at 3, 5, 7, 8.
    private static readonly SurvivalObservation[] Example =
    [
        new(1, true), new(2, true), new(2, true), new(2, false), new(3, false),
        new(4, true), new(5, false), new(6, true), new(7, false), new(8, false),
    ];

    [Theory]
    [InlineData(1, 0.9, 0.009, 0.4730093, 0.9852814)]
    [InlineData(2, 0.7, 0.021, 0.3287166, 0.8919490)]
    [InlineData(3.5, 0.7, 0.021, 0.3287166, 0.8919490)]
    [InlineData(4, 0.56, 0.02912, 0.1970670, 0.8130308)]
    [InlineData(6, 0.3733333, 0.0361719, 0.0662464, 0.6993209)]
    [InlineData(8, 0.3733333, 0.0361719, 0.0662464, 0.6993209)]
    public void EstimateAt_CensoringAndTies_MatchesHandComputedGreenwoodAndLogLogInterval(
        double time, double survival, double variance, double lower, double upper)
    {
        var estimate = KaplanMeier.Fit(Example).EstimateAt(time);

        Assert.NotNull(estimate);
        Assert.Equal(survival, estimate.Survival, Tolerance);
        Assert.Equal(variance, estimate.Variance, Tolerance);
        Assert.Equal(lower, estimate.Lower, Tolerance);
        Assert.Equal(upper, estimate.Upper, Tolerance);
    }

    [Fact]
    public void Fit_CensoringTiedWithEvents_CountsTheCensoredSubjectAtRiskForThoseEvents()
    {
        var step = KaplanMeier.Fit(Example).Steps.Single(s => s.TimeDays == 2);

        Assert.Equal(9, step.AtRisk);
        Assert.Equal(2, step.Events);
        Assert.Equal(1, step.Censored);
        Assert.Equal(0.9 * 7 / 9, step.Survival, 1e-12);
    }

    [Fact]
    public void CensorMarks_OnePerCensoredSubject_AtTheCurveHeight()
    {
        var marks = KaplanMeier.Fit(Example).CensorMarks.ToList();

        Assert.Equal([2.0, 3, 5, 7, 8], marks.Select(m => m.TimeDays));
        Assert.Equal(0.7, marks[0].Survival, 1e-12);
        Assert.Equal(0.56, marks[2].Survival, 1e-12);
    }

    [Fact]
    public void EstimateAt_NobodyAtRiskAnyMore_IsNotEstimable()
    {
        var curve = KaplanMeier.Fit(Example);

        Assert.NotNull(curve.EstimateAt(8));
        Assert.Null(curve.EstimateAt(8.5));
    }

    [Fact]
    public void EstimateAt_NoSubjects_IsNotEstimable() =>
        Assert.Null(KaplanMeier.Fit([]).EstimateAt(0));

    [Fact]
    public void EstimateAt_NoEventYet_IsOneWithAPointInterval()
    {
        var estimate = KaplanMeier.Fit([new(100, false), new(900, false), new(1000, true)]).EstimateAt(730.5);

        Assert.NotNull(estimate);
        Assert.Equal(1.0, estimate.Survival);
        Assert.Equal(1.0, estimate.Lower);
        Assert.Equal(1.0, estimate.Upper);
        Assert.Equal(0.0, estimate.Variance);
        Assert.Equal(2, estimate.AtRisk);
    }

    [Fact]
    public void EstimateAt_EveryoneAtRiskHadTheEvent_IsZeroWithAPointInterval()
    {
        var estimate = KaplanMeier.Fit([new(10, true), new(20, true)]).EstimateAt(20);

        Assert.NotNull(estimate);
        Assert.Equal(0.0, estimate.Survival);
        Assert.Equal(0.0, estimate.Lower);
        Assert.Equal(0.0, estimate.Upper);
    }

    [Theory]
    [InlineData(730, 0.5)]
    [InlineData(731, 1.0)]
    public void EstimateAt_TwoYears_IncludesAnEventOnDay730ButNotOnDay731(int eventDay, double expected)
    {
        var curve = KaplanMeier.Fit([new(eventDay, true), new(2000, false)]);

        var twoYears = curve.EstimateAt(SurvivalTime.Years(2));

        Assert.NotNull(twoYears);
        Assert.Equal(expected, twoYears.Survival, 1e-12);
    }

    [Theory]
    [InlineData(730, false)]
    [InlineData(731, true)]
    public void EstimateAt_TwoYears_NeedsFollowUpBeyondDay730(int censoredDay, bool estimable)
    {
        var curve = KaplanMeier.Fit([new(100, true), new(censoredDay, false)]);

        Assert.Equal(estimable, curve.EstimateAt(SurvivalTime.Years(2)) is not null);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Fit_InvalidTime_Throws(double time) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.Fit([new(time, true)]));

    [Theory]
    [InlineData(0, 10)]
    [InlineData(2, 9)]
    [InlineData(2.5, 6)]
    [InlineData(8, 1)]
    [InlineData(8.5, 0)]
    public void AtRiskAt_Time_CountsSubjectsWhoseTimeIsAtOrAfterIt(double time, int expected) =>
        Assert.Equal(expected, KaplanMeier.Fit(Example).AtRiskAt(time));
}
