using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Interop.Testing;

/// <summary>Loads the FHIR JSON samples under Samples/ (copied to the test output folder).</summary>
public static class FhirSamples
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>The full path of a sample, e.g. <c>Mapping/observation-mrd-percent.json</c>.</summary>
    public static string PathOf(string relativePath) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Samples", relativePath);

    /// <summary>Parses a sample as a resource.</summary>
    public static Resource Load(string relativePath) => Parse(File.ReadAllText(PathOf(relativePath)));

    /// <summary>Parses a sample as a resource of type <typeparamref name="T"/>.</summary>
    public static T Load<T>(string relativePath)
        where T : Resource =>
        (T)Load(relativePath);

    /// <summary>Parses FHIR JSON with Firely's System.Text.Json options.</summary>
    public static Resource Parse(string json) =>
        JsonSerializer.Deserialize<Resource>(json, Options) ?? throw new InvalidDataException("empty FHIR JSON");
}
