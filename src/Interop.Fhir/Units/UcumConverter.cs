using System.Collections.Concurrent;
using System.Globalization;
using Fhir.Metrics;

namespace Interop.Fhir.Units;

/// <summary>
/// Converts a value between UCUM units through Fhir.Metrics: both sides are canonicalised to base units
/// and must land on the same dimension. No unit table is written here.
/// </summary>
internal static class UcumConverter
{
    /// <summary>The UCUM system URI a FHIR Quantity must carry.</summary>
    public const string System = "http://unitsofmeasure.org";

    private static readonly Lazy<FhirMetricService> Service = new(CreateService);

    // Canonicalising a unit costs ~100 us in the library; an export repeats a handful of unit pairs
    // hundreds of thousands of times. The factor of each pair is computed once (null: not convertible).
    private static readonly ConcurrentDictionary<(string From, string To), decimal?> Factors = new();

    /// <summary>Converts <paramref name="value"/> in <paramref name="fromCode"/> to <paramref name="toCode"/>; false when the units are not commensurable or not UCUM.</summary>
    public static bool TryConvert(decimal value, string fromCode, string toCode, out decimal converted)
    {
        converted = 0;
        if (string.IsNullOrWhiteSpace(fromCode) || IsArbitrary(fromCode) || IsArbitrary(toCode))
        {
            return false;
        }

        if (Factors.GetOrAdd((fromCode, toCode), static pair => Factor(pair.From, pair.To)) is not { } factor)
        {
            return false;
        }

        // Dividing by 1.000... drops the trailing zeros the library's error propagation leaves.
        converted = value * factor / 1.000000000000000000000000000m;
        return true;
    }

    /// <summary>True when <paramref name="code"/> is a UCUM unit the library can convert (not an arbitrary unit).</summary>
    public static bool IsConvertible(string code) => TryConvert(1m, code, code, out _);

    /// <summary>
    /// How many <paramref name="toCode"/> one <paramref name="fromCode"/> is; null when the units are not
    /// commensurable, or when the conversion is not a pure factor (an offset, as for temperatures).
    /// </summary>
    private static decimal? Factor(string fromCode, string toCode)
    {
        if (!TryCanonical(1m, fromCode, out var source, out var sourceUnit)
            || !TryCanonical(1m, toCode, out var target, out var targetUnit)
            || !string.Equals(sourceUnit, targetUnit, StringComparison.Ordinal)
            || target == 0
            || !TryCanonical(0m, fromCode, out var zero, out _)
            || zero != 0)
        {
            return null;
        }

        return source / target;
    }

    private static FhirMetricService CreateService()
    {
        try
        {
            var service = FhirMetricService.Instance.Value;

            // The library loads UCUM lazily; make it load now so that a broken set-up fails here, loudly, once.
            service.TryCanonicalize((1m, "1", System), out _);
            return service;
        }
        catch (Exception ex) when (ex is TypeInitializationException or CultureNotFoundException)
        {
            // Fhir.Metrics formats numbers with new CultureInfo("en-US"), which InvariantGlobalization forbids unless
            // named cultures are allowed (they then behave as the invariant culture, which is all the library needs).
            throw new InvalidOperationException(
                "UCUM (Fhir.Metrics) cannot start: it needs named cultures. Set <PredefinedCulturesOnly>false</PredefinedCulturesOnly> "
                + "next to <InvariantGlobalization>true</InvariantGlobalization> (runtimeconfig System.Globalization.PredefinedCulturesOnly=false, "
                + "or DOTNET_SYSTEM_GLOBALIZATION_PREDEFINED_CULTURES_ONLY=0).",
                ex);
        }
    }

    private static bool TryCanonical(decimal value, string code, out decimal canonical, out string dimension)
    {
        canonical = 0;
        dimension = string.Empty;
        var service = Service.Value; // outside the catch: a library that cannot start is not "an unconvertible unit"
        try
        {
            if (!service.TryCanonicalize((value, code, System), out var result) || result is not { } r)
            {
                return false;
            }

            canonical = r.value;
            dimension = NormaliseDimension(r.unit);
            return true;
        }
#pragma warning disable CA1031 // The library throws assorted exceptions on unparseable units; any of them means "not convertible".
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    // The library writes a dimensionless canonical as "", "1" or with a "1." factor ("1.m-3" for {cells}/uL).
    private static string NormaliseDimension(string? unit)
    {
        var parts = (unit ?? string.Empty).Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p != "1");
        var joined = string.Join('.', parts);
        return joined.Length == 0 ? "1" : joined;
    }

    // UCUM arbitrary units ([iU], [arb'U], [USP'U], ...) are not commensurable with anything (UCUM, "arbitrary units"),
    // but the library canonicalises them as dimensionless; refuse them rather than turn "5 [iU]" into a fraction.
    private static bool IsArbitrary(string code) => code.Contains("U]", StringComparison.Ordinal);
}
