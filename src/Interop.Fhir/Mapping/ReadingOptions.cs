namespace Interop.Fhir.Mapping;

/// <summary>
/// How a site's input is read where the EHR's shapes differ from the canonical ones (section <c>Reading</c>):
/// opt-in readings of text answers and lab notations, site unit maps, bounds on open-ended records. Every
/// reading a site turns on is documented in docs/reading-contract.md; the defaults read only coded, canonical shapes.
/// </summary>
public sealed class ReadingOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Reading";

    /// <summary>One message per problem, naming the setting by its full path.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Settings are added here; callers validate every options class alike.")]
    public IReadOnlyList<string> Validate() => [];
}
