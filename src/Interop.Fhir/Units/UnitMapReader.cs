using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Interop.Fhir.Terminology;

namespace Interop.Fhir.Units;

/// <summary>
/// Reads a site unit map: a FHIR R4 ConceptMap whose groups target UCUM (<c>http://unitsofmeasure.org</c>). A group's
/// <c>source</c> is the unit code system the spellings come from; a group without one holds spellings written without a
/// system (<c>Quantity.unit</c> only). Checked strictly: each target must be a UCUM unit the adapter can convert.
/// </summary>
internal static class UnitMapReader
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static IReadOnlyList<UnitMapEntry> Read(string json, string label)
    {
        Resource? resource;
        try
        {
            resource = JsonSerializer.Deserialize<Resource>(json, Options);
        }
        catch (DeserializationFailedException ex)
        {
            throw new TerminologyMapException($"{label}: not a valid FHIR R4 resource ({ex.Exceptions.FirstOrDefault()?.Message ?? ex.Message})", ex);
        }
        catch (JsonException ex)
        {
            throw new TerminologyMapException($"{label}: not valid JSON ({ex.Message})", ex);
        }

        if (resource is not ConceptMap map)
        {
            throw new TerminologyMapException($"{label}: resourceType must be ConceptMap, found {resource?.TypeName ?? "nothing"}");
        }

        var entries = new List<UnitMapEntry>();
        var seen = new Dictionary<(string, string), string>();
        for (var g = 0; g < map.Group.Count; g++)
        {
            var group = map.Group[g];
            if (!string.Equals(group.Target, UcumConverter.System, StringComparison.Ordinal))
            {
                throw new TerminologyMapException($"{label}: group[{g}].target must be {UcumConverter.System}");
            }

            for (var e = 0; e < group.Element.Count; e++)
            {
                var entry = ReadElement(group.Source ?? string.Empty, group.Element[e], label, $"group[{g}].element[{e}]");
                if (seen.TryGetValue((entry.System, entry.Spelling), out var earlier) && earlier != entry.Ucum)
                {
                    throw new TerminologyMapException($"{label}: group[{g}].element[{e}] maps a spelling already mapped to another unit");
                }

                seen[(entry.System, entry.Spelling)] = entry.Ucum;
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static UnitMapEntry ReadElement(string system, ConceptMap.SourceElementComponent element, string label, string at)
    {
        if (string.IsNullOrEmpty(element.Code))
        {
            throw new TerminologyMapException($"{label}: {at}.code (the unit as the site's systems send it) is required");
        }

        if (element.Target.Count != 1)
        {
            throw new TerminologyMapException($"{label}: {at} must have exactly one target, found {element.Target.Count}");
        }

        var target = element.Target[0];
        if (target.Equivalence != ConceptMapEquivalence.Equivalent)
        {
            throw new TerminologyMapException($"{label}: {at}.target[0].equivalence must be 'equivalent'");
        }

        if (string.IsNullOrWhiteSpace(target.Code) || !UcumConverter.IsConvertible(target.Code))
        {
            throw new TerminologyMapException($"{label}: {at}.target[0].code must be a UCUM unit the adapter can convert (not an arbitrary unit)");
        }

        return new UnitMapEntry(system, element.Code, target.Code);
    }
}
