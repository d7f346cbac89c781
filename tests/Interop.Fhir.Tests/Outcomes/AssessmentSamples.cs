using Interop.Domain.Facts;
using Interop.Domain.Results;

using Interop.Fhir.Outcomes;

namespace Interop.Fhir.Tests.Outcomes;

/// <summary>Hand-built assessments: one with every outcome present, varied with <c>with</c> in the tests.</summary>
internal static class AssessmentSamples
{
    public const string StudyId = "BLINFANT";
    public const string PatientId = "pat-1";
    public const string AdapterVersion = "0.1.0";
    public const string RuleSetVersion = "blinfant-rules-2025.1";

    public static readonly DateTimeOffset Issued = new(2025, 3, 1, 6, 30, 15, TimeSpan.Zero);
    public static readonly DateOnly AsOfDate = new(2025, 3, 1);
    public static readonly DateOnly DiagnosisDate = new(2024, 1, 10);

    public static EvidenceRef PatientRef { get; } = new("Patient", PatientId, "4");
    public static EvidenceRef Diagnosis { get; } = new("Condition", "cond-1", "2");
    public static EvidenceRef Kmt2a { get; } = new("Observation", "kmt2a-1", "1");
    public static EvidenceRef Cd19 { get; } = new("Observation", "cd19-1");
    public static EvidenceRef Marrow { get; } = new("Observation", "bm-33", "3");
    public static EvidenceRef Wbc { get; } = new("Observation", "wbc-1", "1");
    public static EvidenceRef Induction { get; } = new("MedicationAdministration", "pred-1", "1");
    public static EvidenceRef Blina1 { get; } = new("MedicationAdministration", "blina-1", "2");
    public static EvidenceRef Blina2 { get; } = new("MedicationAdministration", "blina-2");
    public static EvidenceRef Bsa { get; } = new("Observation", "bsa-1", "1");
    public static EvidenceRef Mrd { get; } = new("Observation", "mrd-29", "1");
    public static EvidenceRef Csf { get; } = new("Observation", "csf-1", "5");

    public static BuildResult Build(TrialAssessment assessment) =>
        new(new OutcomeBuilder(StudyId, AdapterVersion).Build(assessment, Issued));

    public static TrialAssessment Full() => new(
        PatientId,
        new AsOf(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.FromHours(1)), AsOfDate),
        DiagnosisDate,
        new EligibilityResult(EligibilityVerdict.Eligible, Criteria(CriterionStatus.Met), RuleSetVersion),
        new RiskGroupResult(RiskGroup.HR, DiagnosisDate, "KMT2A rearranged, age 90 days, WBC 350", [Wbc, Kmt2a, PatientRef]),
        new CourseResult(
            CourseState.Completed,
            28,
            420.00m,
            1,
            new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.FromHours(1)),
            new DateTimeOffset(2024, 3, 29, 8, 0, 0, TimeSpan.FromHours(2)),
            [Blina2, Blina1, Bsa]),
        new MrdResult(MrdClass.LowPositive, 0.00010m, new DateOnly(2024, 3, 28), AssayMethod.Pcr, [Mrd]),
        new PrimaryEndpointResult(false, "no toxic discontinuation", [Blina1, Blina2]),
        new DfsResult(DfsStatus.Relapse, new DateOnly(2024, 3, 1), new DateOnly(2024, 9, 2), RelapseSite.Cns, [Csf]),
        new OsResult(OsStatus.Alive, new DateOnly(2024, 3, 1), AsOfDate, [PatientRef]));

    /// <summary>Every criterion with one status; evidence of several types, one Observation shared by two criteria.</summary>
    public static IReadOnlyList<CriterionResult> Criteria(CriterionStatus status) =>
    [
        new(CriterionIds.AgeAtDiagnosis, status, "age 90 days", [PatientRef, Diagnosis]),
        new(CriterionIds.AgeAtBlinatumomabStart, status, "age 140 days", [PatientRef, Blina1]),
        new(CriterionIds.NewlyDiagnosedBcpAll, status, "B-precursor ALL", [Diagnosis]),
        new(CriterionIds.Cd19Positive, status, "coded positive", [Cd19]),
        new(CriterionIds.Kmt2aRearranged, status, "rearranged", [Kmt2a, Kmt2a]),
        new(CriterionIds.InductionGiven, status, "prednisone day 0", [Induction]),
        new(CriterionIds.EndOfInductionMarrow, status, "M1", [Marrow, Kmt2a]),
    ];

    /// <summary>A patient screened before any treatment: no course, no endpoints.</summary>
    public static TrialAssessment NotStarted(EligibilityVerdict verdict) => Full() with
    {
        Eligibility = new EligibilityResult(verdict, Criteria(CriterionStatus.Unknown), RuleSetVersion),
        Course = new CourseResult(CourseState.NotStarted, 0, null, 0, null, null, []),
        MrdAfterBlinatumomab = null,
        PrimaryEndpoint = null,
        Dfs = null,
        Os = null,
    };
}
