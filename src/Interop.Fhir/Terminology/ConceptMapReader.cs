using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Interop.Fhir.Terminology;

/// <summary>One mapped code: a source system and code to an input concept.</summary>
internal readonly record struct MapEntry(string System, string Code, InputConcept Concept);

/// <summary>
/// Reads a FHIR R4 ConceptMap whose groups target <see cref="Canonical.InputCodeSystem"/> and checks
/// it strictly: a site map that is wrong must stop the run with a message naming the file and the element.
/// </summary>
internal static class ConceptMapReader
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static IReadOnlyList<MapEntry> Read(string json, string label)
    {
        Resource? resource;
        try
        {
            resource = JsonSerializer.Deserialize<Resource>(json, Options);
        }
        catch (DeserializationFailedException ex)
        {
            var first = ex.Exceptions.FirstOrDefault()?.Message ?? ex.Message;
            throw new TerminologyMapException($"{label}: not a valid FHIR R4 resource ({first})", ex);
        }
        catch (JsonException ex)
        {
            throw new TerminologyMapException($"{label}: not valid JSON ({ex.Message})", ex);
        }

        if (resource is not ConceptMap map)
        {
            throw new TerminologyMapException($"{label}: resourceType must be ConceptMap, found {resource?.TypeName ?? "nothing"}");
        }

        return ReadGroups(map, label);
    }

    private static List<MapEntry> ReadGroups(ConceptMap map, string label)
    {
        var entries = new List<MapEntry>();
        var seen = new Dictionary<(string, string), InputConcept>();
        for (var g = 0; g < map.Group.Count; g++)
        {
            var group = map.Group[g];
            var at = $"group[{g}]";
            if (string.IsNullOrWhiteSpace(group.Source))
            {
                throw new TerminologyMapException($"{label}: {at}.source (the site's code system) is required");
            }

            if (!string.Equals(group.Target, Canonical.InputCodeSystem, StringComparison.Ordinal))
            {
                throw new TerminologyMapException($"{label}: {at}.target must be {Canonical.InputCodeSystem}");
            }

            for (var e = 0; e < group.Element.Count; e++)
            {
                var entry = ReadElement(group.Source, group.Element[e], label, $"{at}.element[{e}]");
                var key = (entry.System, entry.Code);
                if (seen.TryGetValue(key, out var earlier) && earlier != entry.Concept)
                {
                    throw new TerminologyMapException(
                        $"{label}: {at}.element[{e}] maps code '{entry.Code}' of {entry.System} again, to a different concept");
                }

                seen[key] = entry.Concept;
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static MapEntry ReadElement(string system, ConceptMap.SourceElementComponent element, string label, string at)
    {
        if (string.IsNullOrWhiteSpace(element.Code))
        {
            throw new TerminologyMapException($"{label}: {at}.code is required");
        }

        if (element.Target.Count != 1)
        {
            throw new TerminologyMapException($"{label}: {at} must have exactly one target, found {element.Target.Count}");
        }

        var target = element.Target[0];
        if (!InputConceptCodes.TryParse(target.Code, out var concept))
        {
            throw new TerminologyMapException(
                $"{label}: {at}.target[0].code '{target.Code}' is not a concept of {Canonical.InputCodeSystem}");
        }

        if (target.Equivalence != ConceptMapEquivalence.Equivalent)
        {
            var found = target.EquivalenceElement?.JsonValue as string ?? "missing";
            throw new TerminologyMapException(
                $"{label}: {at}.target[0].equivalence must be 'equivalent', found '{found}'");
        }

        return new MapEntry(system, element.Code, concept);
    }
}
