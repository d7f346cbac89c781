namespace Interop.Domain.Facts;

/// <summary>
/// A continuous infusion's rate as an amount of drug per day: micrograms per day, or micrograms per m2 per day when the
/// EHR gave it per body-surface area. Multiplied by the time the administration ran it gives the dose.
/// </summary>
/// <param name="MicrogramsPerDay">The rate, in micrograms (per m2 when <paramref name="PerSquareMetre"/>) per day.</param>
/// <param name="PerSquareMetre">True when the rate is per m2 of body-surface area.</param>
public sealed record DoseRate(decimal MicrogramsPerDay, bool PerSquareMetre);
