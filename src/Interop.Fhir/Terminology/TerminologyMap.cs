using System.Collections.Frozen;
using Hl7.Fhir.Model;

namespace Interop.Fhir.Terminology;

/// <summary>
/// The codes the adapter recognises: the shipped default map (profiles/terminology) overlaid with each
/// site ConceptMap. Immutable and thread-safe once loaded.
/// </summary>
public sealed class TerminologyMap
{
    private const string DefaultResource = "Interop.Fhir.DefaultInputMap.json";

    private readonly FrozenDictionary<string, InputConcept> _byKey;

    private TerminologyMap(FrozenDictionary<string, InputConcept> byKey) => _byKey = byKey;

    /// <summary>The number of mapped system|code pairs (defaults and site entries, after overrides).</summary>
    public int Count => _byKey.Count;

    /// <summary>
    /// Loads the embedded default map and then each site ConceptMap in order; a site entry overrides a
    /// default (or an earlier site file) for the same system|code.
    /// </summary>
    /// <exception cref="TerminologyMapException">A file is missing, unreadable or not a valid input map.</exception>
    public static TerminologyMap Load(IEnumerable<string> siteConceptMapPaths)
    {
        ArgumentNullException.ThrowIfNull(siteConceptMapPaths);
        var map = new Dictionary<string, InputConcept>(StringComparer.Ordinal);
        Overlay(map, ConceptMapReader.Read(ReadDefault(), "default map"));

        foreach (var path in siteConceptMapPaths)
        {
            var label = $"site map '{path}'";
            string json;
            try
            {
                json = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new TerminologyMapException($"{label}: cannot be read ({ex.GetType().Name})", ex);
            }

            Overlay(map, ConceptMapReader.Read(json, label));
        }

        return new TerminologyMap(map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// Every mapped coding (defaults and site entries, after overrides) that means one of
    /// <paramref name="concepts"/>, as search tokens <c>system|code</c>, ordinal order. For searches by code.
    /// </summary>
    public IReadOnlyList<string> TokensFor(IEnumerable<InputConcept> concepts)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        var wanted = concepts.ToHashSet();
        return [.. _byKey.Where(kv => wanted.Contains(kv.Value)).Select(kv => kv.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The input concept a coding means. Codings in <see cref="Canonical.InputCodeSystem"/> itself resolve to themselves.
    /// </summary>
    public InputConcept? Resolve(string? system, string? code)
    {
        if (string.IsNullOrEmpty(system) || string.IsNullOrEmpty(code))
        {
            return null;
        }

        if (string.Equals(system, Canonical.InputCodeSystem, StringComparison.Ordinal))
        {
            return InputConceptCodes.TryParse(code, out var own) ? own : null;
        }

        return _byKey.TryGetValue(Key(system, code), out var concept) ? concept : null;
    }

    /// <summary>The concept of the first coding that resolves, or null.</summary>
    public InputConcept? Resolve(CodeableConcept? concept)
    {
        if (concept is null)
        {
            return null;
        }

        foreach (var coding in concept.Coding)
        {
            if (Resolve(coding.System, coding.Code) is { } resolved)
            {
                return resolved;
            }
        }

        return null;
    }

    /// <summary>Every concept the codings resolve to, in coding order (duplicates kept).</summary>
    internal IEnumerable<InputConcept> ResolveAll(CodeableConcept? concept)
    {
        if (concept is null)
        {
            yield break;
        }

        foreach (var coding in concept.Coding)
        {
            if (Resolve(coding.System, coding.Code) is { } resolved)
            {
                yield return resolved;
            }
        }
    }

    private static void Overlay(Dictionary<string, InputConcept> map, IReadOnlyList<MapEntry> entries)
    {
        foreach (var entry in entries)
        {
            map[Key(entry.System, entry.Code)] = entry.Concept;
        }
    }

    private static string Key(string system, string code) => system + "|" + code;

    private static string ReadDefault()
    {
        using var stream = typeof(TerminologyMap).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new TerminologyMapException($"default map: embedded resource {DefaultResource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
