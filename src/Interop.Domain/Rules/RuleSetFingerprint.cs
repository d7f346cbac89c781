using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Interop.Domain.Rules;

/// <summary>
/// A hash of the effective rule options (every setting that can change a clinical answer), recorded beside
/// <see cref="TrialRuleOptions.RuleSetVersion"/> so that a changed threshold cannot hide behind an unchanged label
/// (ADR 0010). Canonical: settings are <c>Section:Name=value</c> lines in ordinal key order, numbers in invariant culture
/// without trailing zeros (20 and 20.0 are one value), lists in their configured order (their order matters), then
/// SHA-256; the fingerprint is <c>sha256:</c> and the first 16 bytes in lower-case hex.
/// </summary>
public static class RuleSetFingerprint
{
    private const string Prefix = "sha256:";

    /// <summary>The settings of <paramref name="rules"/> as canonical key/value pairs (all but the version label itself).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings(TrialRuleOptions rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var property in typeof(TrialRuleOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name != nameof(TrialRuleOptions.RuleSetVersion) && property.CanWrite)
            {
                yield return new($"{TrialRuleOptions.SectionName}:{property.Name}", Canonical(property.GetValue(rules)));
            }
        }
    }

    /// <summary>The fingerprint of <paramref name="settings"/>, whatever order they come in.</summary>
    /// <exception cref="ArgumentException">A key appears twice.</exception>
    public static string Of(IEnumerable<KeyValuePair<string, string>> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in settings)
        {
            if (!sorted.TryAdd(key, value))
            {
                throw new ArgumentException($"setting {key} appears twice", nameof(settings));
            }
        }

        var text = new StringBuilder();
        foreach (var (key, value) in sorted)
        {
            // Lengths first, so that no key or value can run into the next one.
            text.Append(CultureInfo.InvariantCulture, $"{key.Length}:{key}={value.Length}:{value}\n");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Prefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>A setting's value as canonical text.</summary>
    public static string Canonical(object? value) => value switch
    {
        null => string.Empty,
        decimal d => d.ToString("G29", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
