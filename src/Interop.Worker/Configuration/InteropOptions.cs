using System.Text.RegularExpressions;

namespace Interop.Worker.Configuration;

/// <summary>The adapter's own settings (section <c>Interop</c> of appsettings.json).</summary>
public sealed partial class InteropOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Interop";

    /// <summary>The study id, first segment of every outcome identifier.</summary>
    public string StudyId { get; set; } = "blinfant";

    /// <summary>IANA time zone of the site: dateTimes without a zone are taken in it, and the as-of date is read in it.</summary>
    public string SiteTimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>Default source: an NDJSON folder (relative paths from the working directory).</summary>
    public string Source { get; set; } = "samples/blinfant-export";

    /// <summary>Default output folder for file mode.</summary>
    public string OutputFolder { get; set; } = "out";

    /// <summary>Site terminology ConceptMaps, applied over the shipped defaults in order.</summary>
    public List<string> SiteMaps { get; set; } = [];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$")]
    private static partial Regex StudyIdPattern();

    /// <summary>One message per problem, naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!StudyIdPattern().IsMatch(StudyId ?? string.Empty))
        {
            errors.Add($"{SectionName}:{nameof(StudyId)} must be 1-32 letters, digits, '.' or '-'");
        }

        if (!TryFindTimeZone(SiteTimeZone, out _))
        {
            errors.Add($"{SectionName}:{nameof(SiteTimeZone)} '{SiteTimeZone}' is not a known IANA time zone");
        }

        if (string.IsNullOrWhiteSpace(Source))
        {
            errors.Add($"{SectionName}:{nameof(Source)} must be set (an NDJSON folder)");
        }

        if (string.IsNullOrWhiteSpace(OutputFolder))
        {
            errors.Add($"{SectionName}:{nameof(OutputFolder)} must be set");
        }

        for (var i = 0; i < SiteMaps.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(SiteMaps[i]))
            {
                errors.Add($"{SectionName}:{nameof(SiteMaps)}:{i} is empty");
            }
        }

        return errors;
    }

    /// <summary>The site's time zone (valid after <see cref="Validate"/>).</summary>
    public TimeZoneInfo TimeZone() =>
        TryFindTimeZone(SiteTimeZone, out var zone) ? zone : throw new InvalidOperationException("SiteTimeZone was not validated");

    private static bool TryFindTimeZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }
}
