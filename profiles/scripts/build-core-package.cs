// Builds the FHIR NPM package hl7.fhir.r4.core#4.0.1 that SUSHI needs from the definitions that ship in
// the NuGet package Hl7.Fhir.Specification.Data.R4 (specification.zip: the FHIR R4 XML Bundles).
// The R4 core package is not on the npm registry and the FHIR package registry is out of reach here, so
// the package is rebuilt offline: every resource of the conformance Bundles is converted from XML to JSON
// with the Firely SDK (the same library the adapter uses) and laid out as package/<Type>-<id>.json with a
// package.json and a .index.json, which is the layout of the published package.
//
// Usage: dotnet run build-core-package.cs -- <specification.zip> <output package folder>
#:package Hl7.Fhir.R4
#:property PublishAot=false
#:property GenerateDocumentationFile=false

using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: build-core-package.cs <specification.zip> <package folder>");
    return 2;
}

var zipPath = args[0];
var packageDir = Path.GetFullPath(args[1]);

// The Bundles of the core specification that hold conformance resources (search parameters included:
// the published package has them too).
string[] bundles =
[
    "profiles-types.xml", "profiles-resources.xml", "profiles-others.xml", "extension-definitions.xml",
    "valuesets.xml", "v3-codesystems.xml", "v2-tables.xml", "conceptmaps.xml", "namingsystem-registry.xml",
    "search-parameters.xml",
];

if (Directory.Exists(packageDir))
{
    Directory.Delete(packageDir, recursive: true);
}

Directory.CreateDirectory(packageDir);

var parser = new FhirXmlDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));
var jsonOptions = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
var index = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);

using (var zip = ZipFile.OpenRead(zipPath))
{
    foreach (var name in bundles)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"{name} is not in {zipPath}");
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }

        var bundle = parser.Deserialize<Bundle>(xml);
        foreach (var resource in bundle.Entry.Select(e => e.Resource).OfType<Resource>())
        {
            var fileName = $"{resource.TypeName}-{resource.Id}.json";
            if (index.ContainsKey(fileName))
            {
                // The same resource appears in more than one Bundle (a few value sets do): keep the first.
                continue;
            }

            var json = JsonSerializer.Serialize(resource, resource.GetType(), jsonOptions);
            File.WriteAllText(Path.Combine(packageDir, fileName), json);
            index[fileName] = IndexEntry(fileName, resource);
        }
    }
}

var packageJson = new JsonObject
{
    ["name"] = "hl7.fhir.r4.core",
    ["version"] = "4.0.1",
    ["tools-version"] = 3,
    ["type"] = "Core",
    ["date"] = "20191030000000",
    ["license"] = "CC0-1.0",
    ["canonical"] = "http://hl7.org/fhir",
    ["url"] = "http://hl7.org/fhir/R4",
    ["title"] = "FHIR Core package",
    ["description"] = "FHIR Core package - the NPM package that contains all the definitions for the base FHIR specification (rebuilt offline from the NuGet package Hl7.Fhir.Specification.Data.R4 by profiles/scripts/build-core-package.cs)",
    ["fhirVersions"] = new JsonArray("4.0.1"),
    ["dependencies"] = new JsonObject(),
    ["author"] = "HL7 Inc",
    ["jurisdiction"] = "http://unstats.un.org/unsd/methods/m49/m49.htm#001",
};
var indented = new JsonSerializerOptions { WriteIndented = true };
File.WriteAllText(Path.Combine(packageDir, "package.json"), packageJson.ToJsonString(indented));

var indexJson = new JsonObject
{
    ["index-version"] = 1,
    ["files"] = new JsonArray(index.Values.Select(JsonNode (v) => v).ToArray()),
};
File.WriteAllText(Path.Combine(packageDir, ".index.json"), indexJson.ToJsonString(indented));

Console.WriteLine($"hl7.fhir.r4.core#4.0.1: {index.Count} resources in {packageDir}");
return 0;

static JsonObject IndexEntry(string fileName, Resource resource)
{
    var entry = new JsonObject { ["filename"] = fileName, ["resourceType"] = resource.TypeName, ["id"] = resource.Id };
    if (resource is IVersionableConformanceResource conformance)
    {
        entry["url"] = conformance.Url;
        entry["version"] = conformance.Version;
    }

    if (resource is StructureDefinition sd)
    {
        entry["kind"] = sd.KindElement?.JsonValue as string;
        entry["type"] = sd.Type;
        entry["derivation"] = sd.DerivationElement?.JsonValue as string;
    }

    return entry;
}
