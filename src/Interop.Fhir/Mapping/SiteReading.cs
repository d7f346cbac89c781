using Interop.Fhir.Terminology;
using Interop.Fhir.Units;

namespace Interop.Fhir.Mapping;

/// <summary>The site's Observation readings, prepared once per run from <see cref="ReadingOptions"/>.</summary>
internal sealed class SiteReading
{
    private SiteReading(TextAnswerMap textAnswers, bool mrdTextValues, UnitMap units)
    {
        TextAnswers = textAnswers;
        MrdTextValues = mrdTextValues;
        Units = units;
    }

    /// <summary>The defaults: no text answers, no MRD text, no unit map.</summary>
    public static SiteReading Default { get; } = new(TextAnswerMap.Empty, false, UnitMap.Empty);

    public TextAnswerMap TextAnswers { get; }

    public bool MrdTextValues { get; }

    public UnitMap Units { get; }

    /// <exception cref="TerminologyMapException">A unit map cannot be used.</exception>
    public static SiteReading From(ReadingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(TextAnswerMap.From(options.TextAnswers), options.MrdTextValues, UnitMap.Load(options.UnitMaps));
    }

    /// <summary>Each path set and loadable as a unit map; messages start with the setting's path and index.</summary>
    public static IEnumerable<string> ValidateUnitMaps(IReadOnlyList<string> paths, string setting)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            string? error = null;
            if (string.IsNullOrWhiteSpace(paths[i]))
            {
                error = $"{setting}:{i} is empty";
            }
            else
            {
                try
                {
                    _ = UnitMap.Load([paths[i]]);
                }
                catch (TerminologyMapException ex)
                {
                    error = $"{setting}:{i}: {ex.Message}";
                }
            }

            if (error is not null)
            {
                yield return error;
            }
        }
    }
}
