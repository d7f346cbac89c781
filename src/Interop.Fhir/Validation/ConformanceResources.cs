using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Hl7.Fhir.Model;
using Interop.Fhir.Serialization;

namespace Interop.Fhir.Validation;

/// <summary>
/// The project's conformance resources (<c>profiles/fsh-generated/resources</c>: profiles, the criterion-evidence
/// extension, code systems, value sets and the ResearchStudy), embedded in this assembly at build time so that
/// validation needs no files beside the host and no network.
/// </summary>
public static class ConformanceResources
{
    private const string Prefix = "Interop.Fhir.Profiles.";

    /// <summary>The canonical URL prefix of the core R4 StructureDefinitions.</summary>
    public const string CoreStructureDefinitionBase = "http://hl7.org/fhir/StructureDefinition/";

    /// <summary>
    /// The version of what a validation is checked against: a SHA-256 (lower-case hex) over every embedded conformance
    /// resource (name and bytes) and the Firely validator's version. A resource valid under one profile set is
    /// re-validated under any other, so a cache of validation results keyed by it never outlives a profile change.
    /// </summary>
    public static string SetVersion => LazySetVersion.Value;

    private static readonly Lazy<string> LazySetVersion = new(ComputeSetVersion);

    private static string ComputeSetVersion()
    {
        var assembly = typeof(ConformanceResources).Assembly;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var validator = typeof(Firely.Fhir.Validation.Validator).Assembly;
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(
            validator.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? validator.GetName().Version?.ToString() ?? "?"));
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded conformance resource '{name}' is missing.");
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            hash.AppendData(copy.GetBuffer(), 0, (int)copy.Length);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Every embedded resource, freshly parsed (the caller owns the copies), ordered by file name.</summary>
    public static IReadOnlyList<Resource> Load()
    {
        var assembly = typeof(ConformanceResources).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var resources = new List<Resource>();
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded conformance resource '{name}' is missing.");
            resources.Add(JsonSerializer.Deserialize<Resource>(stream, FhirJson.Options)
                ?? throw new InvalidOperationException($"Embedded conformance resource '{name}' is empty."));
        }

        return resources;
    }
}
