namespace Interop.Fhir.Outcomes;

/// <summary>The outcome codes of <c>{base}/CodeSystem/blinfant</c> (docs/outcomes.md).</summary>
public static class OutcomeCodes
{
    public const string Eligibility = "eligibility";
    public const string RiskGroup = "interfant06-risk-group";
    public const string Course = "blinatumomab-course";
    public const string MrdAfterBlinatumomab = "mrd-after-blinatumomab";
    public const string PrimaryEndpoint = "primary-endpoint";
    public const string DfsStatus = "dfs-status";
    public const string OsStatus = "os-status";

    /// <summary>Every outcome code, in the order outcomes are built and written.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Eligibility, RiskGroup, Course, MrdAfterBlinatumomab, PrimaryEndpoint, DfsStatus, OsStatus];

    /// <summary>The display of an outcome code, as in the code system.</summary>
    internal static string Display(string outcomeCode) => outcomeCode switch
    {
        Eligibility => "BlinFant eligibility",
        RiskGroup => "Interfant-06 risk group",
        Course => "Blinatumomab course",
        MrdAfterBlinatumomab => "MRD after blinatumomab",
        PrimaryEndpoint => "Primary endpoint (blinatumomab-attributable toxicity leading to death or permanent discontinuation)",
        DfsStatus => "Disease-free survival status",
        OsStatus => "Overall survival status",
        _ => throw new ArgumentOutOfRangeException(nameof(outcomeCode), outcomeCode, "Not an outcome code."),
    };
}
