// Validates the compiled conformance resources of profiles/fsh-generated/resources against the FHIR R4
// core definitions with the Firely validator (offline: core from the NuGet package
// Hl7.Fhir.Specification.Data.R4, the same definitions the adapter's validation gate uses), and
// checks that a snapshot can be generated for every StructureDefinition. Further arguments are
// - JSON files (one resource each, validated against its core type; e.g. the default ConceptMap), or
// - NDJSON files or folders of them, whose resources are validated against their meta.profile (e.g. the
//   outcomes of a sync run), so that the profiles are known to accept what the adapter writes.
//
// Usage: dotnet run validate.cs -- <specification.zip> <fsh-generated/resources> [file.json | file.ndjson | folder ...]
// Exit code 0 when nothing has an error, 1 otherwise; every error and warning is printed.
#:package Hl7.Fhir.R4
#:package Firely.Fhir.Validation.R4
#:property PublishAot=false
#:property GenerateDocumentationFile=false

using System.Text.Json;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Snapshot;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: validate.cs <specification.zip> <resources folder> [ndjson file or folder ...]");
    return 2;
}

var zipPath = args[0];
var resourcesDir = Path.GetFullPath(args[1]);
var jsonOptions = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

var local = new DirectorySource(resourcesDir, new DirectorySourceSettings { IncludeSubDirectories = false });
var core = new ZipSource(zipPath);
var resolver = new CachedResolver(new SnapshotSource(new MultiResolver(local, core)));
var terminology = new LocalTerminologyService(resolver);
var validator = new Validator(resolver, terminology);

var errors = 0;
var warnings = 0;
var checkedCount = 0;

foreach (var file in Directory.GetFiles(resourcesDir, "*.json").Order(StringComparer.Ordinal))
{
    var resource = JsonSerializer.Deserialize<Resource>(File.ReadAllText(file), jsonOptions)!;
    var name = Path.GetFileName(file);
    Report(name, validator.Validate(resource, "http://hl7.org/fhir/StructureDefinition/" + resource.TypeName));

    if (resource is StructureDefinition sd)
    {
        var generator = new SnapshotGenerator(resolver, SnapshotGeneratorSettings.CreateDefault());
        await generator.UpdateAsync(sd).ConfigureAwait(false);
        Report(name + " (snapshot)", generator.Outcome ?? new OperationOutcome());
    }

    checkedCount++;
}

foreach (var target in args.Skip(2))
{
    if (target.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
    {
        var single = JsonSerializer.Deserialize<Resource>(File.ReadAllText(target), jsonOptions)!;
        Report(Path.GetFileName(target), validator.Validate(single, "http://hl7.org/fhir/StructureDefinition/" + single.TypeName));
        checkedCount++;
        continue;
    }

    var files = Directory.Exists(target) ? Directory.GetFiles(target, "*.ndjson").Order(StringComparer.Ordinal).ToArray() : [target];
    foreach (var file in files)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var resource = JsonSerializer.Deserialize<Resource>(line, jsonOptions)!;
            var profiles = resource.Meta?.Profile?.ToList() ?? [];
            if (profiles.Count == 0)
            {
                profiles.Add("http://hl7.org/fhir/StructureDefinition/" + resource.TypeName);
            }

            foreach (var profile in profiles)
            {
                Report($"{Path.GetFileName(file)}:{lineNumber} {resource.TypeName}/{resource.Id} against {profile}", validator.Validate(resource, profile));
            }

            checkedCount++;
        }
    }
}

Console.WriteLine($"validated {checkedCount} resources: {errors} errors, {warnings} warnings");
return errors == 0 ? 0 : 1;

void Report(string what, OperationOutcome outcome)
{
    foreach (var issue in outcome.Issue)
    {
        var severity = issue.Severity ?? OperationOutcome.IssueSeverity.Information;
        if (severity is OperationOutcome.IssueSeverity.Information)
        {
            continue;
        }

        if (severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
        {
            errors++;
        }
        else
        {
            warnings++;
        }

        Console.WriteLine($"{severity.ToString().ToLowerInvariant()}: {what}: {issue.Details?.Text ?? issue.Diagnostics} @ {string.Join(", ", issue.Expression ?? [])}");
    }
}
