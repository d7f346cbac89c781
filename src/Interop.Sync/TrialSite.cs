namespace Interop.Sync;

/// <summary>
/// The site settings a sync reads besides the rules: the study its outcomes belong to and the zone the site's local dates
/// are in. The host builds it from its validated <c>Interop</c> section.
/// </summary>
/// <param name="StudyId">The study id in every outcome's identifier and ResearchStudy reference.</param>
/// <param name="TimeZone">The site's time zone: dates without a time are local dates there.</param>
public sealed record TrialSite(string StudyId, TimeZoneInfo TimeZone);
