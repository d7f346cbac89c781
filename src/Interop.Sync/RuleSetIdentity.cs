using Interop.Domain.Rules;
using Interop.Fhir.Mapping;

namespace Interop.Sync;

/// <summary>
/// Which rules a run evaluated with: the configured <c>Rules:RuleSetVersion</c> label and the fingerprint of every
/// setting that can change a clinical answer (ADR 0010): all of <c>Rules</c>, and of <c>Reading</c> the text answers,
/// MRD text values and unit-map paths. <c>Reading:BlinatumomabNames</c> only raises warnings, so it is left out.
/// </summary>
/// <param name="Version">The configured rule-set version label.</param>
/// <param name="Fingerprint">The fingerprint of the effective settings (<c>sha256:</c> and 32 hex digits).</param>
/// <param name="ChangedSettings">
/// The settings (names only, never values) that differ from the built-in defaults while the label is still the built-in
/// version's: empty when the label was changed with them, or nothing changed.
/// </param>
internal sealed record RuleSetIdentity(string Version, string Fingerprint, IReadOnlyList<string> ChangedSettings)
{
    /// <summary>Whether the options differ from the defaults of the version they are labelled with.</summary>
    public bool DiffersFromDefaults => ChangedSettings.Count > 0;

    public static RuleSetIdentity Of(TrialRuleOptions rules, ReadingOptions reading)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(reading);
        var effective = Settings(rules, reading);
        var builtIn = new TrialRuleOptions();
        IReadOnlyList<string> changed = [];
        if (string.Equals(rules.RuleSetVersion, builtIn.RuleSetVersion, StringComparison.Ordinal))
        {
            var defaults = Settings(builtIn, new ReadingOptions()).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            changed = [.. effective.Where(p => !string.Equals(defaults[p.Key], p.Value, StringComparison.Ordinal)).Select(p => p.Key).Order(StringComparer.Ordinal)];
        }

        return new RuleSetIdentity(rules.RuleSetVersion, RuleSetFingerprint.Of(effective), changed);
    }

    /// <summary>The canonical settings: text answers as sets (matching ignores case, spacing and order), unit maps in order (applied in order).</summary>
    private static List<KeyValuePair<string, string>> Settings(TrialRuleOptions rules, ReadingOptions reading)
    {
        var answers = reading.TextAnswers
            .OrderBy(p => p.Key.ToUpperInvariant(), StringComparer.Ordinal)
            .Select(p => p.Key.ToUpperInvariant() + "=" + string.Join(
                "|", p.Value.Select(Normalise).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
        return
        [
            .. RuleSetFingerprint.Settings(rules),
            new($"{ReadingOptions.SectionName}:{nameof(ReadingOptions.TextAnswers)}", string.Join(";", answers)),
            new($"{ReadingOptions.SectionName}:{nameof(ReadingOptions.MrdTextValues)}", RuleSetFingerprint.Canonical(reading.MrdTextValues)),
            new($"{ReadingOptions.SectionName}:{nameof(ReadingOptions.UnitMaps)}", string.Join("|", reading.UnitMaps)),
        ];
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();
}
