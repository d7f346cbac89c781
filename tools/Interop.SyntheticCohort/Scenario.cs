namespace Interop.SyntheticCohort;

internal enum DiagnosisCoding { PrecursorBAll, BCellAll, Icd10C910, IcdO3 }

internal enum OnsetStyle { DateTime, Period, RecordedOnly }

internal enum Kmt2aKind { None, Fish, Genomic, GenomicGeneId, Germline, NotEvaluable }

internal enum Cd19Kind { None, CodedPositive, CodedNegative, Percent }

internal enum CourseKind { None, FourBagsOfSeven, SevenBagsOfFour, Interrupted, ToxicityResumed, DiscontinuedToxicity, DiscontinuedOther, DeathDuringCourse }

internal enum MrdKind
{
    None,
    Negative,
    LowPcr,
    PositiveNotQuantifiable,
    HighPcr,
    LowPercent,
    PcrHighAndFlowNegativeSameDay,
    PreliminaryHighFinalNegative,
}

internal enum FollowUp { None, LateDeath, MarrowRelapse, CnsRelapse, CombinedRelapse, RelapseCondition }

/// <summary>
/// One scenario patient: the record shape to write and the intent it stands for. Defaults are an
/// eligible MR patient (KMT2A rearranged, CD19-positive, M1 after induction) with a completed course.
/// </summary>
internal sealed record Scenario
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required DateOnly Diagnosis { get; init; }

    public int AgeAtDiagnosisDays { get; init; } = 240;

    /// <summary>Written instead of a full birth date.</summary>
    public string? PartialBirthDate { get; init; }

    public DiagnosisCoding Coding { get; init; } = DiagnosisCoding.PrecursorBAll;

    public OnsetStyle Onset { get; init; } = OnsetStyle.DateTime;

    /// <summary>All dateTimes of this patient are written without a zone.</summary>
    public bool WithoutZone { get; init; }

    /// <summary>A relapse of ALL recorded this many days before the diagnosis (0 = none).</summary>
    public int PriorRelapseDaysBefore { get; init; }

    public Kmt2aKind Kmt2a { get; init; } = Kmt2aKind.Fish;

    /// <summary>Index into <see cref="Codes.Partners"/> for a genomics variant.</summary>
    public int Partner { get; init; }

    /// <summary>The KMT2A result is version 2, status amended.</summary>
    public bool AmendedKmt2a { get; init; }

    /// <summary>The day-15 MRD is version 2, status corrected.</summary>
    public bool CorrectedDay15Mrd { get; init; }

    /// <summary>The quantified MRD value (fraction, or percent for <see cref="MrdKind.LowPercent"/>); null = the kind's default.</summary>
    public decimal? MrdValue { get; init; }

    public Cd19Kind Cd19 { get; init; } = Cd19Kind.CodedPositive;

    public decimal Cd19Percent { get; init; } = 92m;

    /// <summary>White cells at diagnosis, 10^9/L; null = jitter below the HR threshold.</summary>
    public decimal? Wbc { get; init; }

    /// <summary>Written as LOINC 26464-8 in 10*3/uL instead of 6690-2 in 10*9/L.</summary>
    public bool WbcPerMicrolitre { get; init; }

    /// <summary>Blasts/uL in blood on day 8; null = jitter below the poor-response threshold.</summary>
    public decimal? Day8Blasts { get; init; }

    public int InductionStartDay { get; init; }

    /// <summary>End-of-induction marrow blast percent; null = jitter within M1.</summary>
    public decimal? EoiBlasts { get; init; }

    public bool NoEoiMarrow { get; init; }

    public int EoiDay { get; init; } = 33;

    /// <summary>A later end-of-induction marrow of 35 % marked entered-in-error.</summary>
    public bool EnteredInErrorEoi { get; init; }

    public CourseKind Course { get; init; } = CourseKind.FourBagsOfSeven;

    /// <summary>Blinatumomab start, days after diagnosis.</summary>
    public int CourseStartDay { get; init; } = 45;

    public bool RxNorm { get; init; }

    public MrdKind Mrd { get; init; } = MrdKind.Negative;

    public FollowUp FollowUp { get; init; }

    /// <summary>Two Patient records: the diagnosis on "{Id}-old", replaced by "{Id}".</summary>
    public bool Merged { get; init; }

    // Intent, as docs/trial-rules.md decides it.
    public string Verdict { get; init; } = "eligible";

    public IReadOnlyList<string> NotMet { get; init; } = [];

    public string? RiskGroup { get; init; } = "MR";

    public string? MrdClassOverride { get; init; }

    public ExpectedPatient Expectation()
    {
        var started = Course != CourseKind.None;
        var state = Course switch
        {
            CourseKind.None => "not-started",
            CourseKind.DiscontinuedToxicity => "discontinued-toxicity",
            CourseKind.DiscontinuedOther or CourseKind.DeathDuringCourse => "discontinued-other",
            _ => "completed",
        };
        var mrd = !started ? null : MrdClassOverride ?? Mrd switch
        {
            MrdKind.None => null,
            MrdKind.Negative or MrdKind.PreliminaryHighFinalNegative => "negative",
            MrdKind.LowPcr or MrdKind.PositiveNotQuantifiable or MrdKind.LowPercent => "low-positive",
            _ => "high-positive",
        };
        var died = Course == CourseKind.DeathDuringCourse || FollowUp == FollowUp.LateDeath;
        var relapsed = FollowUp is FollowUp.MarrowRelapse or FollowUp.CnsRelapse or FollowUp.CombinedRelapse or FollowUp.RelapseCondition;
        var site = FollowUp switch
        {
            FollowUp.MarrowRelapse => "bone-marrow",
            FollowUp.CnsRelapse => "cns",
            FollowUp.CombinedRelapse => "combined",
            _ => null,
        };
        return new ExpectedPatient(
            Id,
            Name,
            Verdict,
            NotMet,
            RiskGroup,
            state,
            mrd,
            started ? Course is CourseKind.DiscontinuedToxicity or CourseKind.DeathDuringCourse : null,
            !started ? null : died ? "death" : relapsed ? "relapse" : "event-free",
            started ? site : null,
            !started ? null : died ? "deceased" : "alive");
    }
}
