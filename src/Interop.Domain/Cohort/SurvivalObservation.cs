namespace Interop.Domain.Cohort;

/// <summary>One subject's survival time for a Kaplan-Meier estimate.</summary>
/// <param name="TimeDays">Days from the survival origin to the event, or to the censoring (last follow-up or data cut-off).</param>
/// <param name="Event">True when the event (relapse or death for DFS, death for OS) happened at <paramref name="TimeDays"/>; false when censored there.</param>
public readonly record struct SurvivalObservation(double TimeDays, bool Event);
