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

    // --- Observations: text answers, MRD notations, unit maps (issue 9 items 2 and 6) ---

    /// <summary>
    /// Text answers read from <c>valueString</c>: answer concept (<c>positive</c>, <c>negative</c>, <c>not-evaluable</c>,
    /// <c>positive-not-quantifiable</c>) to the texts that mean it, matched whole, ignoring case and extra spaces. Empty
    /// (the default): no text answer is read.
    /// </summary>
    public Dictionary<string, List<string>> TextAnswers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Read an MRD <c>valueString</c> written in a lab notation (<c>1.0E-04</c>, <c>1x10-4</c>, <c>&lt;1e-4</c>, <c>0.01%</c>). Off by default.</summary>
    public bool MrdTextValues { get; set; }

    /// <summary>Site unit maps (FHIR ConceptMaps to UCUM), applied in order; paths relative to the working directory.</summary>
    public List<string> UnitMaps { get; set; } = [];

    // --- end of the Observations block ---

    // --- Medication (issue 9, item 3) ---

    /// <summary>The names <see cref="BlinatumomabNames"/> stands for when not configured.</summary>
    public static IReadOnlyList<string> DefaultBlinatumomabNames { get; } = ["blinatumomab", "blincyto"];

    /// <summary>
    /// Words that make an administration whose medication code is not mapped look like blinatumomab (matched in the
    /// code's text and displays, and in its Medication's ingredients, ignoring case): such a record is listed as a warning
    /// (<c>unmapped-blinatumomab-like-medication</c>) so that the site maps the code. Never used to read a record as
    /// blinatumomab. Null: <see cref="DefaultBlinatumomabNames"/>; a configured list replaces it.
    /// </summary>
    public List<string>? BlinatumomabNames { get; set; }

    /// <summary>The names in effect.</summary>
    internal IReadOnlyList<string> BlinatumomabNamesInEffect => BlinatumomabNames is { } names ? names : DefaultBlinatumomabNames;

    // --- end Medication ---

    /// <summary>One message per problem, naming the setting by its full path.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        errors.AddRange(TextAnswerMap.Validate(TextAnswers, $"{SectionName}:{nameof(TextAnswers)}"));
        errors.AddRange(SiteReading.ValidateUnitMaps(UnitMaps, $"{SectionName}:{nameof(UnitMaps)}"));
        for (var i = 0; i < (BlinatumomabNames?.Count ?? 0); i++)
        {
            // A short word would match unrelated drugs' text and flood the warnings.
            if (BlinatumomabNames![i] is not { } name || name.Trim().Length < 4)
            {
                errors.Add($"{SectionName}:{nameof(BlinatumomabNames)}:{i} must have at least 4 characters");
            }
        }

        return errors;
    }
}
