namespace Interop.Domain.Cohort;

/// <summary>A Kaplan-Meier survival estimate at one time, with its 95% confidence interval on the log-log scale.</summary>
/// <param name="TimeDays">The time the estimate is for.</param>
/// <param name="Survival">The product-limit estimate S(t), a fraction.</param>
/// <param name="Lower">Lower 95% limit: exp(-exp(log(-log S) + 1.96 se / |log S|)).</param>
/// <param name="Upper">Upper 95% limit: exp(-exp(log(-log S) - 1.96 se / |log S|)).</param>
/// <param name="Variance">Greenwood's variance of S(t): S² Σ d/(n(n-d)) over the event times up to t.</param>
/// <param name="AtRisk">Subjects still at risk at t (time at or after t).</param>
public sealed record KaplanMeierEstimate(double TimeDays, double Survival, double Lower, double Upper, double Variance, int AtRisk);

/// <summary>One step of the curve: what happened at a distinct observed time.</summary>
/// <param name="TimeDays">The time.</param>
/// <param name="AtRisk">Subjects at risk just before it (time at or after it).</param>
/// <param name="Events">Events at it.</param>
/// <param name="Censored">Censorings at it (counted after its events: a subject censored at an event time was at risk for it).</param>
/// <param name="Survival">S(t) from this time on.</param>
public sealed record KaplanMeierStep(double TimeDays, int AtRisk, int Events, int Censored, double Survival);

/// <summary>A censoring mark for plots: where on the curve a subject was censored.</summary>
public sealed record CensorMark(double TimeDays, double Survival);
