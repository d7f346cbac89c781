using System.Globalization;
using Hl7.Fhir.Model;

namespace Interop.Fhir.Outcomes;

/// <summary>Deterministic FHIR values: the same domain value always serialises to the same text.</summary>
internal static class FhirValues
{
    public const string Ucum = "http://unitsofmeasure.org";

    // Dividing by 1 with 28 fractional zeros makes decimal keep only the scale it needs: 0.00010 -> 0.0001.
    private const decimal One = 1.0000000000000000000000000000m;

    /// <summary>The value without trailing zeros (a decimal keeps the scale it was computed with).</summary>
    public static decimal Normalize(decimal value) => value / One;

    /// <summary>A calendar date, <c>yyyy-MM-dd</c>.</summary>
    public static FhirDateTime Date(DateOnly date) =>
        new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>An instant with its own offset, to the second: <c>yyyy-MM-ddTHH:mm:ss+hh:mm</c>.</summary>
    public static FhirDateTime Instant(DateTimeOffset instant) =>
        new(instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    public static CodeableConcept Concept(string system, string code, string? display = null) =>
        new() { Coding = [new Coding(system, code, display)] };

    public static CodeableConcept Blinfant(string code, string? display = null) =>
        Concept(Canonical.BlinfantCodeSystem, code, display);

    /// <summary>A UCUM quantity whose human unit is the UCUM code itself.</summary>
    public static Quantity UcumQuantity(decimal value, string ucumCode) => new()
    {
        Value = Normalize(value),
        Unit = ucumCode,
        System = Ucum,
        Code = ucumCode,
    };

    public static Observation.ComponentComponent Component(string code, DataType value) => new()
    {
        Code = Blinfant(code),
        Value = value,
    };
}
