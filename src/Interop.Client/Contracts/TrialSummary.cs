using System.Text.Json.Serialization;

namespace Interop.Client.Contracts;

/// <summary>
/// The cohort report (<c>GET /api/v1/trial/summary</c>, and <c>report --format json</c>): counts of the screened
/// patients, MRD after blinatumomab, relapses, deaths, primary-endpoint events and Kaplan-Meier DFS and OS beside the
/// Interfant-06 historical controls. Proportions are fractions (0.816, not 81.6).
/// </summary>
public sealed record TrialSummary
{
    /// <summary>The data cut-off: follow-up is censored at this date.</summary>
    [JsonPropertyName("asOf")]
    public required DateOnly AsOf { get; init; }

    /// <summary>The target (EHR configured name, or <c>file</c>) every figure covers: a report never merges targets.</summary>
    [JsonPropertyName("target")]
    public required string Target { get; init; }

    /// <summary>Who the survival figures cover: eligible patients whose survival origin is on or before the cut-off.</summary>
    [JsonPropertyName("survivalPopulation")]
    public required SurvivalPopulationCounts SurvivalPopulation { get; init; }

    /// <summary>Patients screened (every patient with trial-relevant data).</summary>
    [JsonPropertyName("patients")]
    public required int Patients { get; init; }

    [JsonPropertyName("eligible")]
    public required int Eligible { get; init; }

    [JsonPropertyName("ineligible")]
    public required int Ineligible { get; init; }

    [JsonPropertyName("undetermined")]
    public required int Undetermined { get; init; }

    /// <summary>The criteria most often not met, most frequent first.</summary>
    [JsonPropertyName("ineligibleReasons")]
    public required IReadOnlyList<ReasonCount> IneligibleReasons { get; init; }

    /// <summary>The criteria most often unknown (what is missing), most frequent first.</summary>
    [JsonPropertyName("undeterminedReasons")]
    public required IReadOnlyList<ReasonCount> UndeterminedReasons { get; init; }

    [JsonPropertyName("mrdAfterBlinatumomab")]
    public required MrdCounts MrdAfterBlinatumomab { get; init; }

    /// <summary>Patients with a relapse (first DFS event).</summary>
    [JsonPropertyName("relapses")]
    public required int Relapses { get; init; }

    /// <summary>Relapses involving the central nervous system (cns or combined).</summary>
    [JsonPropertyName("relapsesWithCns")]
    public required int RelapsesWithCns { get; init; }

    /// <summary>Relapses by site: bone-marrow, cns, combined.</summary>
    [JsonPropertyName("relapsesBySite")]
    public required IReadOnlyDictionary<string, int> RelapsesBySite { get; init; }

    /// <summary>Relapses whose site is not recorded (a Condition recording relapse without a marrow or CSF result): with <see cref="RelapsesBySite"/> they add up to <see cref="Relapses"/>.</summary>
    [JsonPropertyName("relapsesSiteNotRecorded")]
    public int RelapsesSiteNotRecorded { get; init; }

    [JsonPropertyName("deaths")]
    public required int Deaths { get; init; }

    [JsonPropertyName("primaryEndpointEvents")]
    public required int PrimaryEndpointEvents { get; init; }

    /// <summary>Disease-free survival from the survival origin.</summary>
    [JsonPropertyName("dfs")]
    public required SurvivalEstimates Dfs { get; init; }

    /// <summary>Overall survival from the survival origin.</summary>
    [JsonPropertyName("os")]
    public required SurvivalEstimates Os { get; init; }

    [JsonPropertyName("historicalControl")]
    public required HistoricalControl HistoricalControl { get; init; }
}

/// <summary>Who the survival analysis covers, and who is left out of it and why.</summary>
/// <param name="Screened">Patients screened.</param>
/// <param name="Eligible">Eligible patients.</param>
/// <param name="InAnalysis">Eligible patients whose survival origin (start of blinatumomab) is on or before the cut-off.</param>
/// <param name="NotEligible">Left out: ineligible or undetermined (treated or not).</param>
/// <param name="NotStarted">Left out: eligible, survival origin not reached by the cut-off.</param>
public sealed record SurvivalPopulationCounts(
    [property: JsonPropertyName("screened")] int Screened,
    [property: JsonPropertyName("eligible")] int Eligible,
    [property: JsonPropertyName("inAnalysis")] int InAnalysis,
    [property: JsonPropertyName("notEligible")] int NotEligible,
    [property: JsonPropertyName("notStarted")] int NotStarted);

/// <summary>A criterion and how many patients it applies to.</summary>
public sealed record ReasonCount(
    [property: JsonPropertyName("criterion")] string Criterion,
    [property: JsonPropertyName("count")] int Count);

/// <summary>MRD classes after blinatumomab.</summary>
public sealed record MrdCounts(
    [property: JsonPropertyName("negative")] int Negative,
    [property: JsonPropertyName("lowPositive")] int LowPositive,
    [property: JsonPropertyName("highPositive")] int HighPositive);

/// <summary>Kaplan-Meier estimates at 2 years (day 730.5) and 4 years (day 1461), each null when no patient is still at risk then.</summary>
/// <param name="TwoYear">The 2-year estimate.</param>
/// <param name="FourYear">The 4-year estimate.</param>
/// <param name="Subjects">Patients in the estimate (treated, with a known time; origin on or before the cut-off).</param>
/// <param name="Events">Events in the estimate.</param>
/// <param name="EventDayUnknown">Patients with an event on an unknown day: in the counts, not in the estimate (not estimable).</param>
public sealed record SurvivalEstimates(
    [property: JsonPropertyName("twoYear")] SurvivalEstimate? TwoYear,
    [property: JsonPropertyName("fourYear")] SurvivalEstimate? FourYear,
    [property: JsonPropertyName("subjects")] int Subjects = 0,
    [property: JsonPropertyName("events")] int Events = 0,
    [property: JsonPropertyName("eventDayUnknown")] int EventDayUnknown = 0);

/// <summary>An estimate with its 95% confidence interval (log-log), as fractions.</summary>
public sealed record SurvivalEstimate(
    [property: JsonPropertyName("estimate")] double Estimate,
    [property: JsonPropertyName("lower")] double Lower,
    [property: JsonPropertyName("upper")] double Upper);

/// <summary>The Interfant-06 historical figures (docs/trial-rules.md; configuration section <c>Report</c>), as fractions.</summary>
/// <param name="DfsTwoYear">2-year disease-free survival.</param>
/// <param name="OsTwoYear">2-year overall survival.</param>
/// <param name="DfsFourYear">4-year disease-free survival.</param>
/// <param name="OsFourYear">4-year overall survival.</param>
public sealed record HistoricalControl(
    [property: JsonPropertyName("dfsTwoYear")] double DfsTwoYear,
    [property: JsonPropertyName("osTwoYear")] double OsTwoYear,
    [property: JsonPropertyName("dfsFourYear")] double? DfsFourYear = null,
    [property: JsonPropertyName("osFourYear")] double? OsFourYear = null);
