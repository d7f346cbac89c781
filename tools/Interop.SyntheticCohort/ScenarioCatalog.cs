namespace Interop.SyntheticCohort;

/// <summary>The named scenario patients (p001...) and the volume filler (e0001..., n0001...).</summary>
internal static class ScenarioCatalog
{
    private static readonly DateOnly FirstDiagnosis = new(2019, 1, 14);

    private const string AgeAtDiagnosis = "age-at-diagnosis";
    private const string AgeAtStart = "age-at-blinatumomab-start";
    private const string NewlyDiagnosed = "newly-diagnosed-bcp-all";
    private const string Cd19Positive = "cd19-positive";
    private const string Kmt2aRearranged = "kmt2a-rearranged";
    private const string InductionGiven = "induction-given";
    private const string EoiMarrow = "eoi-marrow-m1-m2";

    public static IReadOnlyList<Scenario> Named { get; } = Build();

    private static List<Scenario> Build()
    {
        var list = new List<Scenario>();
        void Add(string name, Func<Scenario, Scenario> shape)
        {
            var index = list.Count;
            var id = $"p{index + 1:000}";
            var baseline = new Scenario
            {
                Id = id,
                Name = name,
                // Diagnoses 30 days apart from 2019-01-14: the last named one falls in early 2023.
                Diagnosis = FirstDiagnosis.AddDays(index * 30),
                AgeAtDiagnosisDays = 200 + (index * 37 % 140),
            };
            list.Add(shape(baseline));
        }

        // Eligible, with a course.
        Add("mrd-negative", s => s);
        Add("mrd-negative-onset-period", s => s with { Onset = OnsetStyle.Period });
        Add("mrd-negative-snomed-b-cell-all", s => s with { Coding = DiagnosisCoding.BCellAll });
        Add("mrd-low-positive-pcr-1e-4", s => s with { Mrd = MrdKind.LowPcr, CorrectedDay15Mrd = true });
        Add("mrd-low-positive-not-quantifiable", s => s with { Mrd = MrdKind.PositiveNotQuantifiable });
        Add("mrd-high-positive-1e-3", s => s with { Mrd = MrdKind.HighPcr });
        Add("mrd-in-percent-0.01", s => s with { Mrd = MrdKind.LowPercent });
        Add("mrd-pcr-and-flow-same-day-pcr-wins", s => s with { Mrd = MrdKind.PcrHighAndFlowNegativeSameDay, MrdClassOverride = "high-positive" });
        Add("mrd-preliminary-superseded-by-final", s => s with { Mrd = MrdKind.PreliminaryHighFinalNegative });
        Add("kmt2a-genomics-variant-aff1", s => s with { Kmt2a = Kmt2aKind.Genomic, AmendedKmt2a = true });
        Add("kmt2a-genomics-variant-gene-id-system", s => s with { Kmt2a = Kmt2aKind.GenomicGeneId, Partner = 1, Mrd = MrdKind.LowPcr });
        Add("kmt2a-not-evaluable-mr", s => s with { Kmt2a = Kmt2aKind.NotEvaluable });
        Add("risk-hr-young-high-wbc", s => s with { AgeAtDiagnosisDays = 95, Wbc = 352m, Day8Blasts = 240m, RiskGroup = "HR" });
        Add("risk-hr-poor-prednisone-response", s => s with { AgeAtDiagnosisDays = 130, Wbc = 118m, Day8Blasts = 1500m, RiskGroup = "HR", Mrd = MrdKind.LowPcr });
        Add("risk-mr-older-than-6-months-high-wbc", s => s with { AgeAtDiagnosisDays = 250, Wbc = 410m, Day8Blasts = 1250m });
        Add("course-interrupted-36h", s => s with { Course = CourseKind.Interrupted });
        Add("course-toxicity-stop-resumed", s => s with { Course = CourseKind.ToxicityResumed });
        Add("course-discontinued-toxicity", s => s with { Course = CourseKind.DiscontinuedToxicity });
        Add("course-discontinued-other", s => s with { Course = CourseKind.DiscontinuedOther, Mrd = MrdKind.None });
        Add("death-during-course", s => s with { Course = CourseKind.DeathDuringCourse, Mrd = MrdKind.None });
        Add("late-death-in-remission", s => s with { FollowUp = FollowUp.LateDeath });
        Add("relapse-bone-marrow", s => s with { FollowUp = FollowUp.MarrowRelapse, Mrd = MrdKind.LowPcr });
        Add("relapse-cns", s => s with { FollowUp = FollowUp.CnsRelapse });
        Add("relapse-combined", s => s with { FollowUp = FollowUp.CombinedRelapse });
        Add("relapse-condition-only", s => s with { FollowUp = FollowUp.RelapseCondition });
        Add("merged-patient", s => s with { Merged = true });
        Add("diagnosis-recorded-date-only", s => s with { Onset = OnsetStyle.RecordedOnly });
        Add("date-times-without-zone", s => s with { WithoutZone = true });
        Add("icd10-c91.0-cd19-positive", s => s with { Coding = DiagnosisCoding.Icd10C910 });
        Add("icd-o-3-9813-3", s => s with { Coding = DiagnosisCoding.IcdO3, Cd19 = Cd19Kind.Percent, Cd19Percent = 88.5m });
        Add("risk-hr-wbc-in-10e3-per-ul", s => s with { AgeAtDiagnosisDays = 140, Wbc = 320m, WbcPerMicrolitre = true, Day8Blasts = 310m, RiskGroup = "HR" });
        Add("blinatumomab-rxnorm-seven-bags", s => s with { RxNorm = true, Course = CourseKind.SevenBagsOfFour });
        Add("eoi-marrow-entered-in-error-ignored", s => s with { EoiBlasts = 3.2m, EnteredInErrorEoi = true });

        // Boundary pairs.
        Add("boundary-age-at-diagnosis-364", s => s with { AgeAtDiagnosisDays = 364 });
        Add("boundary-age-at-diagnosis-365", s => NotStarted(s, AgeAtDiagnosis) with { AgeAtDiagnosisDays = 365 });
        Add("boundary-eoi-blasts-24.9", s => s with { EoiBlasts = 24.9m, EoiDay = 34 });
        Add("boundary-eoi-blasts-25", s => NotStarted(s, EoiMarrow) with { EoiBlasts = 25m, EoiDay = 34 });
        Add("boundary-cd19-20-percent", s => s with { Cd19 = Cd19Kind.Percent, Cd19Percent = 20m });
        Add("boundary-cd19-19.9-percent", s => NotStarted(s, Cd19Positive) with { Cd19 = Cd19Kind.Percent, Cd19Percent = 19.9m });

        // Ineligible.
        Add("age-at-blinatumomab-start-28-days", s => s with
        {
            // Congenital ALL diagnosed on day 1 of life; EOI marrow on diagnosis + 26, blinatumomab on
            // diagnosis + 27 = day 28 of life.
            AgeAtDiagnosisDays = 1,
            Wbc = 85m,
            Day8Blasts = 300m,
            EoiDay = 26,
            CourseStartDay = 27,
            Verdict = "ineligible",
            NotMet = [AgeAtStart],
        });
        Add("relapse-recorded-before-diagnosis", s => NotStarted(s, NewlyDiagnosed) with { AgeAtDiagnosisDays = 300, PriorRelapseDaysBefore = 120 });
        Add("cd19-negative-coded", s => NotStarted(s, Cd19Positive) with { Cd19 = Cd19Kind.CodedNegative });
        Add("cd19-15-percent", s => NotStarted(s, Cd19Positive) with { Cd19 = Cd19Kind.Percent, Cd19Percent = 15m });
        Add("kmt2a-germline", s => NotStarted(s, Kmt2aRearranged) with { Kmt2a = Kmt2aKind.Germline, RiskGroup = "LR" });
        Add("induction-started-day-10", s => NotStarted(s, InductionGiven) with { InductionStartDay = 10 });
        Add("kmt2a-germline-given-blinatumomab", s => s with { Kmt2a = Kmt2aKind.Germline, RiskGroup = "LR", Verdict = "ineligible", NotMet = [Kmt2aRearranged] });

        // Undetermined.
        Add("no-kmt2a-result", s => Undetermined(s) with { Kmt2a = Kmt2aKind.None, RiskGroup = null });
        Add("no-eoi-marrow", s => Undetermined(s) with { NoEoiMarrow = true });
        Add("no-birth-date", s => Undetermined(s) with { PartialBirthDate = "2022-05", Diagnosis = new DateOnly(2022, 9, 12), AgeAtDiagnosisDays = 120 });
        Add("no-cd19-result", s => Undetermined(s) with { Cd19 = Cd19Kind.None });
        Add("icd10-c91.0-without-cd19", s => Undetermined(s) with { Coding = DiagnosisCoding.Icd10C910, Cd19 = Cd19Kind.None });
        return list;
    }

    private static Scenario NotStarted(Scenario s, string notMet) =>
        s with { Course = CourseKind.None, Mrd = MrdKind.None, Verdict = "ineligible", NotMet = [notMet] };

    private static Scenario Undetermined(Scenario s) =>
        s with { Course = CourseKind.None, Mrd = MrdKind.None, Verdict = "undetermined" };

    /// <summary>An eligible MR patient with a completed course and values varied by <paramref name="random"/>.</summary>
    public static Scenario Extra(int number, Random random)
    {
        var mrd = random.Next(10) switch
        {
            < 5 => MrdKind.Negative,
            < 7 => MrdKind.LowPcr,
            < 9 => MrdKind.PositiveNotQuantifiable,
            _ => MrdKind.HighPcr,
        };
        return new Scenario
        {
            Id = $"e{number:0000}",
            Name = "extra-eligible-completed",
            // 2019-01-01 .. 2023-06-30.
            Diagnosis = new DateOnly(2019, 1, 1).AddDays(random.Next(1641)),
            AgeAtDiagnosisDays = 200 + random.Next(160),
            Kmt2a = random.Next(4) == 0 ? Kmt2aKind.Genomic : Kmt2aKind.Fish,
            Cd19 = random.Next(2) == 0 ? Cd19Kind.CodedPositive : Cd19Kind.Percent,
            Cd19Percent = 60m + random.Next(400) / 10m,
            Course = random.Next(3) == 0 ? CourseKind.SevenBagsOfFour : CourseKind.FourBagsOfSeven,
            CourseStartDay = 40 + random.Next(11),
            Mrd = mrd,
            Partner = random.Next(Codes.Partners.Count),
            MrdValue = mrd switch
            {
                MrdKind.LowPcr => random.Next(10, 490) / 1_000_000m,
                MrdKind.HighPcr => random.Next(6, 500) / 10_000m,
                _ => null,
            },
        };
    }
}
