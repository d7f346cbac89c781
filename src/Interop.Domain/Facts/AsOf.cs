namespace Interop.Domain.Facts;

/// <summary>
/// The instant an evaluation is made "as of", with its calendar date in the site's time zone.
/// Facts dated after it are ignored, so that a replay with the same as-of gives the same result.
/// </summary>
public sealed record AsOf(DateTimeOffset Instant, DateOnly Date);
