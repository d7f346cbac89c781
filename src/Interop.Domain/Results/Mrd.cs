using Interop.Domain.Facts;

namespace Interop.Domain.Results;

/// <summary>MRD class.</summary>
public enum MrdClass
{
    Negative,
    LowPositive,
    HighPositive,
}

/// <summary>The MRD result after blinatumomab.</summary>
/// <param name="Class">The class.</param>
/// <param name="Level">The level as a fraction, when quantified.</param>
/// <param name="SpecimenDate">The result's date.</param>
/// <param name="Method">The assay method.</param>
/// <param name="Evidence">The Observation used.</param>
public sealed record MrdResult(MrdClass Class, decimal? Level, DateOnly SpecimenDate, AssayMethod Method, IReadOnlyList<EvidenceRef> Evidence);
