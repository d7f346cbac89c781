namespace Interop.Domain.Rules;

/// <summary>Where survival time starts.</summary>
public enum SurvivalOrigin
{
    /// <summary>Start of the first blinatumomab administration (the pilot's analysis).</summary>
    BlinatumomabStart,

    /// <summary>The ALL diagnosis date.</summary>
    Diagnosis,
}

/// <summary>
/// Every threshold and window of the trial rules. Defaults are the protocol's (docs/trial-rules.md); sites
/// and amendments change them in configuration, and the rule-set version says which set ran.
/// </summary>
public sealed class TrialRuleOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Rules";

    /// <summary>Recorded as the eligibility Observation's method; change it whenever a value below changes.</summary>
    public string RuleSetVersion { get; set; } = "blinfant-rules-1.0";

    /// <summary>Eligible when age at diagnosis in days is below this.</summary>
    public int MaxAgeAtDiagnosisDaysExclusive { get; set; } = 365;

    /// <summary>Eligible when age at blinatumomab start in days is above this.</summary>
    public int MinAgeAtBlinatumomabStartDaysExclusive { get; set; } = 28;

    /// <summary>CD19-positive when at least this percent of blasts express CD19.</summary>
    public decimal Cd19PositiveMinPercent { get; set; } = 20m;

    /// <summary>Induction drugs count when started within this many days before or after diagnosis.</summary>
    public int InductionStartWindowDays { get; set; } = 7;

    /// <summary>End-of-induction marrow window start, days after diagnosis.</summary>
    public int EndOfInductionWindowStartDay { get; set; } = 26;

    /// <summary>End-of-induction marrow window end, days after diagnosis (inclusive).</summary>
    public int EndOfInductionWindowEndDay { get; set; } = 45;

    /// <summary>M2 from this marrow blast percent (M1 below it).</summary>
    public decimal M2MinBlastPercent { get; set; } = 5m;

    /// <summary>M3 from this marrow blast percent; the end-of-induction criterion needs less.</summary>
    public decimal M3MinBlastPercent { get; set; } = 25m;

    /// <summary>HR needs age at diagnosis below this many months.</summary>
    public int HighRiskMaxAgeMonthsExclusive { get; set; } = 6;

    /// <summary>HR white-cell count at diagnosis, 10^9/L (at least).</summary>
    public decimal HighRiskMinWhiteCellCount { get; set; } = 300m;

    /// <summary>Poor prednisone response: at least this many blasts per microlitre in blood on day 8.</summary>
    public decimal PoorPrednisoneResponseMinBlastsPerMicrolitre { get; set; } = 1000m;

    /// <summary>The prednisone response day (day 1 = start of the prophase, else the diagnosis date).</summary>
    public int PrednisoneResponseDay { get; set; } = 8;

    /// <summary>A day-8 blood count is accepted this many days either side of day 8.</summary>
    public int PrednisoneResponseToleranceDays { get; set; } = 1;

    /// <summary>A white-cell count counts as "at diagnosis" from this many days before the diagnosis date.</summary>
    public int WhiteCellCountDaysBeforeDiagnosis { get; set; } = 7;

    /// <summary>... to this many days after it.</summary>
    public int WhiteCellCountDaysAfterDiagnosis { get; set; } = 3;

    /// <summary>The planned course length in infusion days.</summary>
    public int CourseInfusionDays { get; set; } = 28;

    /// <summary>A gap longer than this between consecutive administrations is an interruption.</summary>
    public int InterruptionMinGapHours { get; set; } = 24;

    /// <summary>
    /// The longest a blinatumomab bag plausibly runs (the label's longest bag is 7 days): an administration without a recorded
    /// end counts at most this long, and one still in progress beyond it is a data-quality flag.
    /// </summary>
    public int PlausibleBagLengthHours { get; set; } = 168;

    /// <summary>A course stopped for toxicity and resumed within this many days is not discontinued.</summary>
    public int ToxicityResumeWindowDays { get; set; } = 14;

    /// <summary>A course short of its days with no administration for this many days has ended early.</summary>
    public int CourseEndedAfterIdleDays { get; set; } = 14;

    /// <summary>MRD at or above this fraction is high positive.</summary>
    public decimal MrdHighPositiveMinFraction { get; set; } = 0.0005m;

    /// <summary>MRD after blinatumomab: results up to this many days after the last administration.</summary>
    public int MrdAfterCourseWindowDays { get; set; } = 7;

    /// <summary>Primary endpoint: a death within this many days of the last administration.</summary>
    public int PrimaryEndpointDeathWindowDays { get; set; } = 30;

    /// <summary>Where DFS and OS time starts.</summary>
    public SurvivalOrigin SurvivalOrigin { get; set; } = SurvivalOrigin.BlinatumomabStart;

    /// <summary>CNS3: at least this many white cells per microlitre in CSF with blasts present.</summary>
    public decimal CnsRelapseMinCsfWhiteCells { get; set; } = 5m;

    /// <summary>Marrow and CNS relapse within this many days of each other are one combined relapse.</summary>
    public int CombinedRelapseWindowDays { get; set; } = 14;

    /// <summary>Checks the values are coherent; returns one message per problem, naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Require(bool ok, string setting, string rule)
        {
            if (!ok)
            {
                errors.Add($"{SectionName}:{setting} {rule}");
            }
        }

        Require(!string.IsNullOrWhiteSpace(RuleSetVersion), nameof(RuleSetVersion), "must be set");
        Require(MaxAgeAtDiagnosisDaysExclusive > 0, nameof(MaxAgeAtDiagnosisDaysExclusive), "must be positive");
        Require(MinAgeAtBlinatumomabStartDaysExclusive >= 0, nameof(MinAgeAtBlinatumomabStartDaysExclusive), "must not be negative");
        Require(Cd19PositiveMinPercent is > 0 and <= 100, nameof(Cd19PositiveMinPercent), "must be in (0, 100]");
        Require(InductionStartWindowDays >= 0, nameof(InductionStartWindowDays), "must not be negative");
        Require(EndOfInductionWindowStartDay >= 0 && EndOfInductionWindowEndDay >= EndOfInductionWindowStartDay,
            nameof(EndOfInductionWindowEndDay), "must not be before EndOfInductionWindowStartDay");
        Require(M2MinBlastPercent is > 0 and <= 100 && M3MinBlastPercent > M2MinBlastPercent && M3MinBlastPercent <= 100,
            nameof(M3MinBlastPercent), "must be above M2MinBlastPercent and at most 100");
        Require(HighRiskMaxAgeMonthsExclusive > 0, nameof(HighRiskMaxAgeMonthsExclusive), "must be positive");
        Require(HighRiskMinWhiteCellCount > 0, nameof(HighRiskMinWhiteCellCount), "must be positive");
        Require(PoorPrednisoneResponseMinBlastsPerMicrolitre > 0, nameof(PoorPrednisoneResponseMinBlastsPerMicrolitre), "must be positive");
        Require(PrednisoneResponseDay >= 1, nameof(PrednisoneResponseDay), "must be at least 1");
        Require(PrednisoneResponseToleranceDays >= 0, nameof(PrednisoneResponseToleranceDays), "must not be negative");
        Require(WhiteCellCountDaysBeforeDiagnosis >= 0, nameof(WhiteCellCountDaysBeforeDiagnosis), "must not be negative");
        Require(WhiteCellCountDaysAfterDiagnosis >= 0, nameof(WhiteCellCountDaysAfterDiagnosis), "must not be negative");
        Require(CourseInfusionDays > 0, nameof(CourseInfusionDays), "must be positive");
        Require(InterruptionMinGapHours > 0, nameof(InterruptionMinGapHours), "must be positive");
        Require(PlausibleBagLengthHours > 0, nameof(PlausibleBagLengthHours), "must be positive");
        Require(ToxicityResumeWindowDays > 0, nameof(ToxicityResumeWindowDays), "must be positive");
        Require(CourseEndedAfterIdleDays > 0, nameof(CourseEndedAfterIdleDays), "must be positive");
        Require(MrdHighPositiveMinFraction is > 0 and < 1, nameof(MrdHighPositiveMinFraction), "must be a fraction in (0, 1)");
        Require(MrdAfterCourseWindowDays >= 0, nameof(MrdAfterCourseWindowDays), "must not be negative");
        Require(PrimaryEndpointDeathWindowDays >= 0, nameof(PrimaryEndpointDeathWindowDays), "must not be negative");
        Require(Enum.IsDefined(SurvivalOrigin), nameof(SurvivalOrigin), "must be BlinatumomabStart or Diagnosis");
        Require(CnsRelapseMinCsfWhiteCells > 0, nameof(CnsRelapseMinCsfWhiteCells), "must be positive");
        Require(CombinedRelapseWindowDays >= 0, nameof(CombinedRelapseWindowDays), "must not be negative");
        return errors;
    }
}
