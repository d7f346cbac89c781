using Interop.Domain.Facts;

namespace Interop.Domain.Results;

/// <summary>Interfant-06 risk group.</summary>
public enum RiskGroup
{
    /// <summary>Low risk: KMT2A germline.</summary>
    LR,

    /// <summary>Medium risk.</summary>
    MR,

    /// <summary>High risk.</summary>
    HR,
}

/// <summary>The risk group, or null when its inputs are missing.</summary>
public sealed record RiskGroupResult(RiskGroup? Group, DateOnly? DiagnosisDate, string Reason, IReadOnlyList<EvidenceRef> Evidence);
