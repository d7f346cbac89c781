using Interop.Domain.Facts;

namespace Interop.Domain.Results;

/// <summary>Everything the rules derive for one patient as of one instant.</summary>
/// <param name="PatientId">The surviving Patient's logical id.</param>
/// <param name="AsOf">The as-of of the evaluation.</param>
/// <param name="DiagnosisDate">The ALL diagnosis date under test, when known.</param>
/// <param name="Eligibility">Eligibility with every criterion.</param>
/// <param name="RiskGroup">Interfant-06 risk group.</param>
/// <param name="Course">The blinatumomab course.</param>
/// <param name="MrdAfterBlinatumomab">MRD after blinatumomab, once a result exists.</param>
/// <param name="PrimaryEndpoint">The primary endpoint, once the course started.</param>
/// <param name="Dfs">DFS status, once the course started.</param>
/// <param name="Os">OS status, once the course started.</param>
public sealed record TrialAssessment(
    string PatientId,
    AsOf AsOf,
    DateOnly? DiagnosisDate,
    EligibilityResult Eligibility,
    RiskGroupResult RiskGroup,
    CourseResult Course,
    MrdResult? MrdAfterBlinatumomab,
    PrimaryEndpointResult? PrimaryEndpoint,
    DfsResult? Dfs,
    OsResult? Os)
{
    /// <summary>Records the rules read under a fallback rule or set aside, in the order the rules met them.</summary>
    public IReadOnlyList<DataQualityFlag> DataQuality { get; init; } = [];
}
